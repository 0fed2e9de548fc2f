package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.ResumeRefusedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Conversion}: each way of running (chunks on two threads, rows on one) writes the bytes of
 * the one-thread pipeline, with a limit and bad records too; a resumable run that fails after any
 * chunk and is resumed writes the bytes of an uninterrupted one.
 */
class ConversionTest {
  @TempDir Path dir;

  /** A failure in the middle of a run: the hook of each commit throws after a number of them. */
  private static Conversion crashing(Conversion conversion, int commits) {
    int[] seen = {0};
    return conversion.onCommit(
        rows -> {
          if (++seen[0] > commits) {
            throw new IllegalStateException("crash after " + commits + " commits");
          }
        });
  }

  private Path input(String name, long seed) {
    Random random = new Random(seed);
    String text =
        name.endsWith(".csv")
            ? RowFileOffsetsTest.csv(random, 300)
            : RowFileOffsetsTest.jsonl(random, 300);
    return TestFiles.write(dir, name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static FileFormat format(String name) {
    return name.contains(".csv") ? FileFormat.CSV : FileFormat.JSON_LINES;
  }

  @ParameterizedTest
  @CsvSource({
    "in.csv, out.jsonl, 2, 64",
    "in.csv, out.csv.gz, 2, 333",
    "in.csv, out.csv, 1, 64",
    "in.csv, out.jsonl.gz, 2, 1",
    "in.jsonl, out.csv, 2, 64",
    "in.jsonl, out.jsonl.gz, 2, 64"
  })
  void aResumableRunFailedAfterAnyChunkAndResumedWritesTheBytesOfAnUninterruptedOne(
      String inName, String outName, int threads, int chunk) throws Exception {
    Path in = input(inName, chunk * 7L + threads);
    Conversion conversion =
        Conversion.of(format(inName), format(outName))
            .withRules(RowRules.none().mask("note").where(Condition.parse("id!=7")))
            .withThreads(threads)
            .withChunkSize(chunk)
            .withCheckpointRows(20);
    Path clean = dir.resolve("clean-" + outName);
    long rows = conversion.runResumable(in, clean, null);
    Path plain = dir.resolve("plain-" + outName);
    assertThat(conversion.run(Input.file(in), Output.file(plain))).isEqualTo(rows);
    assertThat(Lines.read(plain).toList()).isEqualTo(Lines.read(clean).toList());
    if (!outName.endsWith(".gz")) {
      assertThat(Files.mismatch(plain, clean)).isEqualTo(-1);
    }
    int[] commits = {0};
    conversion.onCommit(n -> commits[0]++).runResumable(in, dir.resolve("counted"), null);
    assertThat(commits[0]).isGreaterThan(3);
    for (int crash = 0; crash < commits[0]; crash++) {
      Path out = dir.resolve(crash + "-" + outName);
      int k = crash;
      assertThatThrownBy(() -> crashing(conversion, k).runResumable(in, out, null))
          .hasMessageContaining("crash");
      for (int again = 0; PartFile.load(out) != null && again < commits[0]; again++) {
        try {
          crashing(conversion, 2).runResumable(in, out, PartFile.load(out));
        } catch (IllegalStateException expected) {
          // crashed again, later
        }
      }
      assertThat(Files.mismatch(out, clean)).as("crash after %d commits", crash).isEqualTo(-1);
      assertThat(PartFile.pos(out)).doesNotExist();
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 2", "13, 2", "4096, 2", "64, 1"})
  void aLimitAndBadRecordsOnEveryCoreAreThoseOfOneThread(int chunk, int threads) throws Exception {
    Random random = new Random(chunk);
    StringBuilder text = new StringBuilder("a,b\n");
    for (int r = 0; r < 200; r++) {
      text.append(random.nextInt(9) == 0 ? r + "\n" : r + ",\"x\n" + r + "\"\r\n");
    }
    Path in = TestFiles.write(dir, "bad.csv", text.toString());
    Conversion conversion =
        Conversion.of(FileFormat.CSV, FileFormat.JSON_LINES)
            .withChunkSize(chunk)
            .withThreads(threads);
    List<String> badOne = new ArrayList<>();
    List<String> badMany = new ArrayList<>();
    Path one = dir.resolve("one.jsonl");
    Path many = dir.resolve("many.jsonl");
    Input stream = Input.stream("bad.csv", () -> Files.newInputStream(in));
    conversion.skippingBadRecords(b -> badOne.add(b.getMessage())).run(stream, Output.file(one));
    conversion
        .skippingBadRecords(b -> badMany.add(b.getMessage()))
        .run(Input.file(in), Output.file(many));
    assertThat(Files.mismatch(one, many)).isEqualTo(-1);
    assertThat(badMany).hasSameSizeAs(badOne).isNotEmpty();
    assertThat(badMany)
        .extracting(m -> m.replaceFirst("^[^:]*: ", ""))
        .isEqualTo(badOne.stream().map(m -> m.replaceFirst("^[^:]*: ", "")).toList());
    for (long limit : new long[] {0, 1, 17, 150, 1000}) {
      conversion.withLimit(limit).skippingBadRecords(b -> {}).run(stream, Output.file(one));
      Path limited = dir.resolve("limited.jsonl");
      AtomicLong rows = new AtomicLong();
      assertThat(
              conversion
                  .withLimit(limit)
                  .skippingBadRecords(b -> {})
                  .counting(new AtomicLong(), rows)
                  .run(Input.file(in), Output.file(limited)))
          .isEqualTo(Math.min(limit, Lines.read(many).count()));
      assertThat(Files.mismatch(limited, one)).as("limit %d", limit).isEqualTo(-1);
      assertThat(rows.get()).isEqualTo(Lines.read(limited).count());
    }
  }

  @ParameterizedTest
  @CsvSource({"in.csv, 2", "in.csv, 1", "in.jsonl, 2"})
  void resumingAfterTheInputChangedBeforeTheLastCommitIsRefused(String inName, int threads)
      throws Exception {
    Path in = input(inName, 3);
    Conversion conversion =
        Conversion.of(format(inName), FileFormat.JSON_LINES)
            .withThreads(threads)
            .withChunkSize(64)
            .withCheckpointRows(5);
    Path out = dir.resolve("out.jsonl");
    assertThatThrownBy(() -> crashing(conversion, 3).runResumable(in, out, null))
        .hasMessageContaining("crash");
    byte[] bytes = Files.readAllBytes(in);
    int at = 40;
    while (bytes[at] < '0' || bytes[at] > '9') {
      at++;
    }
    bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1');
    Files.write(in, bytes);
    assertThatThrownBy(() -> conversion.runResumable(in, out, PartFile.load(out)))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("changed since the interrupted run read it");
    assertThatThrownBy(
            () -> conversion.withCheckpointRows(6).runResumable(in, out, PartFile.load(out)))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("was another job");
  }
}
