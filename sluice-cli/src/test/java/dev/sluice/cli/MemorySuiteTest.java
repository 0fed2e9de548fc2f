package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The memory contract, end to end: inputs far larger than the heap go through {@code convert} in a
 * child JVM under {@code -Xmx64m}. Slow (a minute or two), so it runs only with {@code
 * SLUICE_MEMORY_SUITE=1}; {@code scripts/memory-suite} sets it.
 */
@EnabledIfEnvironmentVariable(named = "SLUICE_MEMORY_SUITE", matches = "1")
class MemorySuiteTest {
  private static final long ROWS = Long.getLong("sluice.memory.rows", 9_500_000);
  private static final long LONG_LINE = 2L << 30;
  private static Path work;

  @BeforeAll
  static void makeWorkFolder() throws IOException {
    work = Files.createDirectories(Path.of("target", "memory-suite")).toAbsolutePath();
  }

  @AfterAll
  static void removeData() throws IOException {
    try (var files = Files.list(work)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * The child JVM runs a private copy of the jar in {@code SLUICE_CLI_JAR} (set by
   * scripts/memory-suite), so a concurrent build that rewrites target/classes cannot break it; else
   * this test's class path.
   */
  private static List<String> classPath() throws IOException {
    String jar = System.getenv("SLUICE_CLI_JAR");
    if (jar == null || jar.isEmpty()) {
      return List.of("-cp", System.getProperty("java.class.path"), Main.class.getName());
    }
    Path copy = work.resolve("sluice.jar");
    if (!Files.exists(copy)) {
      Files.copy(Path.of(jar), copy);
    }
    return List.of("-jar", copy.toString());
  }

  private static Process child(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"));
    command.addAll(classPath());
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String finish(Process process, int minutes) throws Exception {
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(minutes, TimeUnit.MINUTES)).isTrue();
    return new String(err, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void convertsMoreThanAGigabyteOfCsvUnderA64MbHeap() throws Exception {
    Path csv = work.resolve("users.csv");
    Path jsonl = work.resolve("users.jsonl");
    Process gen = child("generate", csv.toString(), "--rows", Long.toString(ROWS));
    String genErr = finish(gen, 3);
    assertThat(gen.exitValue()).as(genErr).isZero();
    assertThat(Files.size(csv)).isGreaterThanOrEqualTo(1L << 30);

    Process convert = child("convert", csv.toString(), jsonl.toString(), "--mask", "email");
    String err = finish(convert, 3);
    System.out.println(err);
    assertThat(convert.exitValue()).as(err).isZero();
    assertThat(err).doesNotContain("OutOfMemoryError");
    Files.delete(csv);
    assertThat(countLines(jsonl)).isEqualTo(ROWS);
  }

  @Test
  void failsWithBadInputOnATwoGigabyteCsvLineWithoutOutOfMemory() throws Exception {
    assertLongLineFails("csv");
  }

  @Test
  void failsWithBadInputOnATwoGigabyteJsonLineWithoutOutOfMemory() throws Exception {
    assertLongLineFails("jsonl");
  }

  private static void assertLongLineFails(String format) throws Exception {
    Path out = work.resolve("long." + format + ".out.jsonl");
    Process convert = child("convert", "-", out.toString(), "--from", format, "--quiet");
    Thread feeder = Thread.ofPlatform().start(() -> feed(convert.getOutputStream(), format));
    String err = finish(convert, 3);
    feeder.join();
    System.out.println(format + ": " + err);
    assertThat(convert.exitValue()).as(err).isEqualTo(3);
    String line = format.equals("csv") ? "line 2" : "line 1";
    assertThat(err)
        .contains("<stdin>: " + line)
        .contains(format.equals("csv") ? "maxBufferSize" : "maxLineLength")
        .doesNotContain("OutOfMemory");
    assertThat(out).doesNotExist();
  }

  /** Streams a 2 GiB line without a line end; stops when the child closes the pipe. */
  private static void feed(OutputStream stdin, String format) {
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'x');
    try (stdin) {
      stdin.write(
          (format.equals("csv") ? "a\n\"" : "\"")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      for (long written = 0; written < LONG_LINE; written += chunk.length) {
        stdin.write(chunk);
      }
    } catch (IOException closedByChild) {
      return;
    }
  }

  private static long countLines(Path file) throws IOException {
    long lines = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
      }
    }
    return lines;
  }
}
