package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
  @TempDir Path dir;

  private static Pipe<String> failingAfter(int n) {
    return Pipe.range(0, 1_000)
        .map(
            i -> {
              if (i == n) {
                throw new IllegalStateException("boom at " + i);
              }
              return "line " + i;
            });
  }

  private long filesIn(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void aRunThatFailsHalfWayLeavesNoFile() throws IOException {
    Path out = dir.resolve("out.txt");
    assertThatThrownBy(() -> failingAfter(500).into(Lines.sink(Output.file(out))))
        .hasMessageContaining("boom at 500");
    assertThat(out).doesNotExist();
    assertThat(filesIn(dir)).isZero();
  }

  @Test
  void aFailedRunKeepsThePreviousFile() {
    Path out = TestFiles.write(dir, "out.txt", "old\n");
    assertThatThrownBy(() -> failingAfter(3).into(Lines.sink(Output.file(out))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(TestFiles.read(out)).isEqualTo("old\n");
  }

  @Test
  void commitReplacesTheTargetWithReadablePermissions() throws IOException {
    Path out = TestFiles.write(dir, "out.txt", "old\n");
    Pipe.of("new").into(Lines.sink(Output.file(out)));
    assertThat(TestFiles.read(out)).isEqualTo("new\n");
    assertThat(filesIn(dir)).isOne();
    if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(out)))
          .startsWith("rw-r");
    }
  }

  @Test
  void compressesGzTargets() {
    Path out = dir.resolve("out.txt.gz");
    Pipe.of("a", "b").into(Lines.sink(Output.file(out)));
    assertThat(Lines.read(out).toList()).containsExactly("a", "b");
    assertThat(Input.file(out).size()).isGreaterThan(0);
  }

  @Test
  void writesToStandardOutput() {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      Pipe.of("x", "y").into(Lines.sink(Output.stdout()));
    } finally {
      System.setOut(saved);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("x\ny\n");
  }
}
