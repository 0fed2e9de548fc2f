package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import dev.sluice.PipeException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary files of atomic outputs: names, permissions, stale leftovers, early checks. */
class AtomicOutputFilesTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aNewFileGetsThePermissionsOfAnyNewFileHere() throws IOException {
    if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      return;
    }
    Path plain = Files.createFile(dir.resolve("plain"));
    Path out = dir.resolve("out.txt");
    Pipe.of("x").into(Lines.sink(Output.file(out)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      return;
    }
    Path out = TestFiles.write(dir, "out.txt", "old\n");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
    Pipe.of("new").into(Lines.sink(Output.file(out)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
  }

  @Test
  void writesATargetWhoseNameIsNearTheFileNameLimit() throws IOException {
    Path out = dir.resolve("n".repeat(246) + ".csv");
    Pipe.of("x").into(Lines.sink(Output.file(out)));
    assertThat(names()).containsExactly(out.getFileName().toString());
  }

  @Test
  void removesTheTemporaryFileOfADeadProcessButNotOfALiveOne() throws IOException {
    Path out = dir.resolve("out.txt");
    long dead = deadPid();
    Path stale = Files.writeString(dir.resolve(".out.txt.sluice-" + dead + "-0a0b.tmp"), "old");
    long live = ProcessHandle.current().pid();
    Path running = Files.writeString(dir.resolve(".out.txt.sluice-" + live + "-0c0d.tmp"), "run");
    Pipe.of("x").into(Lines.sink(Output.file(out)));
    assertThat(stale).doesNotExist();
    assertThat(running).exists();
  }

  @Test
  void aMissingFolderFailsBeforeAnyWork() {
    Path out = dir.resolve("no/such/out.txt");
    int[] pulled = {0};
    assertThatThrownBy(() -> Pipe.of("x").peek(x -> pulled[0]++).into(Lines.sink(Output.file(out))))
        .isInstanceOf(PipeException.class)
        .hasCauseInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("does not exist");
    assertThat(pulled[0]).isZero();
  }

  @Test
  void aTargetThatIsAFolderFailsBeforeAnyWork() throws IOException {
    Path out = Files.createDirectory(dir.resolve("out.txt"));
    assertThatThrownBy(() -> Pipe.of("x").into(Lines.sink(Output.file(out))))
        .isInstanceOf(PipeException.class)
        .hasCauseInstanceOf(FileSystemException.class)
        .hasMessageContaining("is a folder");
    assertThat(names()).containsExactly("out.txt");
  }

  /** A PID that no live process has (the PID of a process that ended). */
  private static long deadPid() throws IOException {
    Process p = new ProcessBuilder("true").start();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return p.pid();
  }
}
