package dev.sluice.io.internal;

import dev.sluice.CheckedConsumer;
import dev.sluice.io.BadInputException;
import dev.sluice.io.FileEntry;
import dev.sluice.io.Skipped;
import dev.sluice.io.WalkSettings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;

/**
 * A depth-first walk that holds one open directory stream per level: a stack, never the tree. With
 * links followed, a directory already on the stack (a cycle) is skipped. With a {@code skipped}
 * handler, an entry that cannot be read (no permission, a dangling link, gone meanwhile) is handed
 * to it and the walk carries on; without one, the first such error fails the walk.
 */
public final class DirectoryWalker {
  private record Level(DirectoryStream<Path> stream, Iterator<Path> entries, Object key) {}

  private final Path root;
  private final WalkSettings settings;
  private final LinkOption[] linkOptions;
  private final CheckedConsumer<Skipped> skipped;

  /** A walker of {@code root}; {@code skipped} is null for a walk that fails on the first error. */
  public DirectoryWalker(Path root, WalkSettings settings, CheckedConsumer<Skipped> skipped) {
    this.root = root;
    this.settings = settings;
    this.skipped = skipped;
    this.linkOptions =
        settings.followLinks() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
  }

  /** Hands every regular file to {@code out}, depth first; closes every directory it opened. */
  public void walk(CheckedConsumer<FileEntry> out) throws Exception {
    BasicFileAttributes rootAttrs = Files.readAttributes(root, BasicFileAttributes.class);
    if (!rootAttrs.isDirectory()) {
      if (rootAttrs.isRegularFile()) {
        out.accept(entry(root, rootAttrs));
      }
      return;
    }
    Deque<Level> stack = new ArrayDeque<>();
    try {
      stack.push(open(root, rootAttrs));
      while (!stack.isEmpty()) {
        Level top = stack.peek();
        if (!top.entries().hasNext()) {
          stack.pop().stream().close();
          continue;
        }
        Path path = top.entries().next();
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(path, BasicFileAttributes.class, linkOptions);
        } catch (IOException e) {
          skip(path, e);
          continue;
        }
        if (attrs.isDirectory()) {
          if (stack.size() > settings.maxDepth()) {
            throw new BadInputException(
                path.toString(),
                -1,
                "directory deeper than maxDepth " + settings.maxDepth(),
                "maxDepth",
                null);
          }
          if (!onStack(stack, attrs.fileKey())) {
            try {
              stack.push(open(path, attrs));
            } catch (IOException e) {
              skip(path, e);
            }
          }
        } else if (attrs.isRegularFile()) {
          out.accept(entry(path, attrs));
        }
      }
    } finally {
      closeAll(stack);
    }
  }

  private static Level open(Path dir, BasicFileAttributes attrs) throws IOException {
    DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
    return new Level(stream, stream.iterator(), attrs.fileKey());
  }

  private static FileEntry entry(Path path, BasicFileAttributes attrs) {
    return new FileEntry(path, attrs.size(), attrs.lastModifiedTime().toMillis(), attrs.fileKey());
  }

  private void skip(Path path, IOException e) throws Exception {
    if (skipped == null) {
      throw e;
    }
    skipped.accept(new Skipped(path, reason(e)));
  }

  /** A short reason for a message: what the file system said, without the class name. */
  public static String reason(IOException e) {
    return switch (e) {
      case java.nio.file.AccessDeniedException a -> "permission denied";
      case java.nio.file.NoSuchFileException n -> "no such file (a dangling link, or removed)";
      default -> e.getMessage() != null ? e.getMessage() : e.toString();
    };
  }

  private static boolean onStack(Deque<Level> stack, Object key) {
    if (key == null) {
      return false;
    }
    for (Level level : stack) {
      if (Objects.equals(level.key(), key)) {
        return true;
      }
    }
    return false;
  }

  private static void closeAll(Deque<Level> stack) throws IOException {
    IOException failure = null;
    while (!stack.isEmpty()) {
      try {
        stack.pop().stream().close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
