package dev.sluice.io.internal;

import dev.sluice.CheckedConsumer;
import dev.sluice.io.BadInputException;
import dev.sluice.io.FileEntry;
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
 * links followed, a directory already on the stack (a cycle) is skipped.
 */
public final class DirectoryWalker {
  private record Level(DirectoryStream<Path> stream, Iterator<Path> entries, Object key) {}

  private final Path root;
  private final WalkSettings settings;
  private final LinkOption[] linkOptions;

  /** A walker of {@code root}. */
  public DirectoryWalker(Path root, WalkSettings settings) {
    this.root = root;
    this.settings = settings;
    this.linkOptions =
        settings.followLinks() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
  }

  /** Hands every regular file to {@code out}, depth first; closes every directory it opened. */
  public void walk(CheckedConsumer<FileEntry> out) throws Exception {
    BasicFileAttributes rootAttrs = Files.readAttributes(root, BasicFileAttributes.class);
    if (!rootAttrs.isDirectory()) {
      if (rootAttrs.isRegularFile()) {
        out.accept(new FileEntry(root, rootAttrs.size()));
      }
      return;
    }
    Deque<Level> stack = new ArrayDeque<>();
    try {
      push(stack, root, rootAttrs);
      while (!stack.isEmpty()) {
        Level top = stack.peek();
        if (!top.entries().hasNext()) {
          stack.pop().stream().close();
          continue;
        }
        Path path = top.entries().next();
        BasicFileAttributes attrs =
            Files.readAttributes(path, BasicFileAttributes.class, linkOptions);
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
            push(stack, path, attrs);
          }
        } else if (attrs.isRegularFile()) {
          out.accept(new FileEntry(path, attrs.size()));
        }
      }
    } finally {
      closeAll(stack);
    }
  }

  private static void push(Deque<Level> stack, Path dir, BasicFileAttributes attrs)
      throws IOException {
    DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
    stack.push(new Level(stream, stream.iterator(), attrs.fileKey()));
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
