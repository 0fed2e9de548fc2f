package dev.sluice.io.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary files of atomic outputs: their names, and their removal when the run that wrote one
 * cannot. A temporary file is named {@code .NAME.sluice-PID-RANDOM.tmp} beside its target (NAME cut
 * to {@value #MAX_NAME_CHARS} characters so the whole stays under the file-name limit), so that:
 *
 * <ul>
 *   <li>a JVM that is shut down (SIGTERM, SIGINT, {@code System.exit}) before a run committed
 *       deletes the run's temporary file from a shutdown hook;
 *   <li>a temporary file left by a process that died without a shutdown (SIGKILL, a power cut) is
 *       removed by the next output to the same target, which sees that its PID is not alive.
 * </ul>
 */
final class TempFiles {
  /** The most characters of the target's name kept in a temporary file's name. */
  static final int MAX_NAME_CHARS = 100;

  private static final String MARK = ".sluice-";
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform().name("sluice-temp-cleanup").unstarted(TempFiles::deleteLive));
  }

  private TempFiles() {}

  /** A new temporary name beside {@code target}, registered for removal at shutdown if asked. */
  static Path reserve(Path target, boolean cleanupOnShutdown) {
    String name = target.getFileName().toString();
    String kept = name.length() <= MAX_NAME_CHARS ? name : name.substring(0, MAX_NAME_CHARS);
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    Path temp =
        target.resolveSibling(
            "."
                + kept
                + MARK
                + ProcessHandle.current().pid()
                + "-"
                + HexFormat.of().formatHex(random)
                + ".tmp");
    if (cleanupOnShutdown) {
      LIVE.add(temp);
    }
    return temp;
  }

  /** {@code temp} no longer needs removing at shutdown: it was renamed or deleted. */
  static void release(Path temp) {
    LIVE.remove(temp);
  }

  /** Deletes the temporary files of {@code target} whose process is no longer alive. */
  static void removeStale(Path target) {
    String name = target.getFileName().toString();
    String prefix =
        "." + (name.length() <= MAX_NAME_CHARS ? name : name.substring(0, MAX_NAME_CHARS)) + MARK;
    Path dir = target.getParent();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path entry : entries) {
        String rest = entry.getFileName().toString().substring(prefix.length());
        int dash = rest.indexOf('-');
        if (dash <= 0 || !rest.endsWith(".tmp")) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(rest.substring(0, dash));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        Files.deleteIfExists(entry);
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: a stale file that cannot be removed stays, and the new run goes on.
    }
  }

  private static void deleteLive() {
    for (Path temp : LIVE) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException | RuntimeException e) {
        // The JVM is going down; nothing more can be done for this file.
      }
    }
  }
}
