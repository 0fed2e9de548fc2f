package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.test.RunChecks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelCsvTest {
  private static final String[] PIECES = {
    "a", "bc", "x y", ",", "\"", "\n", "\r\n", "\r", "é", "中文", "😀", "@ex.org", "=1", "-", ""
  };

  @TempDir Path dir;

  /** A CSV text with quoted fields holding separators, quotes and line ends, in LF or CRLF. */
  private static String randomCsv(Random random, int records, boolean bom) {
    StringBuilder sb = new StringBuilder(bom ? "\uFEFF" : "");
    String end = random.nextBoolean() ? "\n" : "\r\n";
    sb.append("id,name,email,note").append(end);
    for (int r = 0; r < records; r++) {
      sb.append(r);
      for (int f = 0; f < 3; f++) {
        sb.append(',');
        StringBuilder field = new StringBuilder();
        int n = random.nextInt(6);
        for (int k = 0; k < n; k++) {
          field.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String text = f == 1 ? "u" + r + "@ex.org" + field : field.toString();
        boolean quote = random.nextInt(3) > 0 || text.matches("(?s).*[,\"\r\n].*");
        sb.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
      }
      sb.append(random.nextInt(20) == 0 ? end + end : end); // now and then an empty line
    }
    if (random.nextBoolean()) {
      sb.setLength(sb.length() - end.length()); // no line end after the last record
    }
    return sb.toString();
  }

  private Path file(String text) {
    return TestFiles.write(dir, "in.csv", text);
  }

  /** The output of {@code conversion} to JSON Lines, or the message it failed with. */
  private String json(ParallelCsv conversion) {
    Path out = dir.resolve("out.jsonl");
    try {
      conversion.toJsonLines(Output.file(out));
      return Files.readString(out);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (BadInputException e) {
      return "failed: " + e.getMessage();
    } catch (RuntimeException e) {
      return "failed: " + e.getClass().getSimpleName(); // its message may be dropped by the JIT
    }
  }

  private String csv(ParallelCsv conversion) {
    Path out = dir.resolve("out.csv");
    try {
      conversion.toCsv(Output.file(out), CsvWriteSettings.defaults());
      return Files.readString(out);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (BadInputException e) {
      return "failed: " + e.getMessage();
    } catch (RuntimeException e) {
      return "failed: " + e.getClass().getSimpleName(); // its message may be dropped by the JIT
    }
  }

  @Test
  void writesWhatOneThreadWritesWithChunksCutAnywhere() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 12; round++) {
      Path in = file(randomCsv(random, 40 + random.nextInt(40), round % 3 == 0));
      RowRules rules =
          switch (round % 4) {
            case 0 -> RowRules.none();
            case 1 -> RowRules.none().mask("email");
            case 2 -> RowRules.none().select("note", "id").rename("id", "key");
            default -> RowRules.none().where(Condition.parse("id>10")).withInfer(true);
          };
      ParallelCsv base = ParallelCsv.file(in, CsvSettings.defaults()).withRules(rules);
      String json = json(base.withThreads(1));
      String csv = csv(base.withThreads(1));
      assertThat(json).doesNotStartWith("failed");
      for (int chunk = 1; chunk <= 70; chunk += 1 + chunk / 8) {
        ParallelCsv parallel = base.withThreads(3).withChunkSize(chunk);
        assertThat(json(parallel)).as("round %d chunk %d", round, chunk).isEqualTo(json);
        assertThat(csv(parallel)).as("round %d chunk %d", round, chunk).isEqualTo(csv);
      }
    }
    RunChecks.assertNoLiveThreads(Duration.ofSeconds(5));
  }

  @Test
  void cutsEveryPositionOfOneSmallFile() {
    Path in = file("id,t\r\n1,\"a\nb\"\r\n2,é中😀\n\n3,\"x,\"\"y\"\"\"\n4,z");
    ParallelCsv base = ParallelCsv.file(in, CsvSettings.defaults());
    String expected = json(base.withThreads(1));
    for (int chunk = 1; chunk < 40; chunk++) {
      assertThat(json(base.withThreads(2).withChunkSize(chunk))).isEqualTo(expected);
    }
  }

  @Test
  void followsTheParserOnStrayQuotes() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder("a,b\n");
      for (int k = 0; k < 30; k++) {
        sb.append("ab\"\n,x\"y".charAt(random.nextInt(8)));
      }
      sb.append('\n');
      Path in = file(sb.toString());
      ParallelCsv base = ParallelCsv.file(in, CsvSettings.defaults().withLenient(true));
      String expected = json(base.withThreads(1));
      for (int chunk = 1; chunk < 12; chunk++) {
        assertThat(json(base.withThreads(2).withChunkSize(chunk)))
            .as("%s chunk %d", sb, chunk)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void namesTheLineOfBadInputInALaterChunk() {
    List<String> inputs = new ArrayList<>();
    StringBuilder good = new StringBuilder("id,v\n");
    for (int i = 0; i < 50; i++) {
      good.append(i).append(i % 7 == 0 ? ",\"two\nlines\"\n" : ",x\n");
    }
    inputs.add(good + "51,x,extra\n52,y\n"); // a record too wide
    inputs.add(good + "51,\"unclosed\n52,y\n"); // an unclosed quote
    inputs.add(good + "51," + "w".repeat(300) + "\n52,y\n"); // a field too long
    for (String text : inputs) {
      Path in = file(text);
      ParallelCsv base =
          ParallelCsv.file(in, CsvSettings.defaults().withMaxFieldSize(200).withMaxRecordSize(250));
      String expected = json(base.withThreads(1));
      assertThat(expected).startsWith("failed").contains("line 60");
      for (int chunk = 1; chunk < 90; chunk += 7) {
        assertThat(json(base.withThreads(2).withChunkSize(chunk))).isEqualTo(expected);
      }
    }
    assertThat(dir.resolve("out.jsonl")).doesNotExist(); // a failed run leaves no output
    if (OpenFiles.available()) {
      assertThat(OpenFiles.under(dir)).isZero();
    }
  }

  @Test
  void namesTheOffsetOfInvalidUtf8InALaterChunk() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("id,v\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 40; i++) {
      bytes.write((i + ",é\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.write(new byte[] {'4', '1', ',', (byte) 0xC3, '(', '\n', '4', '2', ',', 'x', '\n'});
    Path in = TestFiles.write(dir, "in.csv", bytes.toByteArray());
    ParallelCsv base = ParallelCsv.file(in, CsvSettings.defaults());
    String expected = json(base.withThreads(1));
    assertThat(expected).contains("byte offset").contains("line 41");
    for (int chunk = 1; chunk < 200; chunk += 13) {
      assertThat(json(base.withThreads(2).withChunkSize(chunk))).isEqualTo(expected);
    }
  }

  @Test
  void failsOnARuleNamingAMissingColumnBeforeWriting() {
    Path in = file("id,v\n1,x\n");
    assertThatThrownBy(
            () ->
                ParallelCsv.file(in, CsvSettings.defaults())
                    .withRules(RowRules.none().mask("email"))
                    .withThreads(2)
                    .toJsonLines(Output.file(dir.resolve("out.jsonl"))))
        .hasMessageContaining("mask email: no column email");
    assertThat(dir.resolve("out.jsonl")).doesNotExist();
  }

  @Test
  void handsTheHeaderOverAndWritesItForAHeaderOnlyFile() throws Exception {
    Path in = file("id,email\n");
    AtomicReference<List<String>> seen = new AtomicReference<>();
    ParallelCsv conversion =
        ParallelCsv.file(in, CsvSettings.defaults()).withThreads(2).onHeader(seen::set);
    assertThat(csv(conversion.withRules(RowRules.none().select("email")))).isEqualTo("email\n");
    assertThat(seen.get()).containsExactly("id", "email");
    assertThat(json(conversion)).isEmpty();
    assertThat(json(ParallelCsv.file(file(""), CsvSettings.defaults()).withThreads(2))).isEmpty();
  }

  @Test
  void countsEveryByteAndRow() throws Exception {
    Path in = file(randomCsv(new Random(3), 100, true));
    AtomicLong bytes = new AtomicLong();
    AtomicLong rows = new AtomicLong();
    long written =
        ParallelCsv.file(in, CsvSettings.defaults())
            .withThreads(2)
            .withChunkSize(64)
            .counting(bytes, rows)
            .toJsonLines(Output.file(dir.resolve("out.jsonl")));
    assertThat(written).isEqualTo(100).isEqualTo(rows.get());
    assertThat(bytes.get()).isEqualTo(Files.size(in));
  }

  @Test
  void convertsGzipInputOnOneThread() throws Exception {
    String text = randomCsv(new Random(5), 30, false);
    Path plain = file(text);
    String expected = json(ParallelCsv.file(plain, CsvSettings.defaults()).withThreads(1));
    Path gz =
        TestFiles.write(dir, "in.csv.gz", TestFiles.gzip(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(json(ParallelCsv.file(gz, CsvSettings.defaults()).withChunkSize(16)))
        .isEqualTo(expected);
  }

  @Test
  void stopsEveryThreadWhenTheOutputFails() throws Exception {
    Path in = file(randomCsv(new Random(9), 2000, false));
    Output failing =
        Output.stream(
            "failing",
            () ->
                new OutputStream() {
                  long n;

                  @Override
                  public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                  }

                  @Override
                  public void write(byte[] b, int off, int len) throws IOException {
                    n += len;
                    if (n > 5000) {
                      throw new IOException("disk full");
                    }
                  }
                });
    assertThatThrownBy(
            () ->
                ParallelCsv.file(in, CsvSettings.defaults())
                    .withThreads(3)
                    .withChunkSize(100)
                    .toJsonLines(failing))
        .hasMessageContaining("disk full");
    RunChecks.assertNoLiveThreads(Duration.ofSeconds(5));
    if (OpenFiles.available()) {
      assertThat(OpenFiles.under(dir)).isZero();
    }
  }

  @Test
  void checksItsSettings() {
    ParallelCsv c = ParallelCsv.file(Path.of("x.csv"), CsvSettings.defaults());
    assertThatThrownBy(() -> c.withThreads(0)).hasMessage("threads must be > 0, was 0");
    assertThatThrownBy(() -> c.withChunkSize(-1)).hasMessage("chunkSize must be > 0, was -1");
    assertThat(c.withThreads(3).toString()).contains("threads=3", "chunkSize=1048576");
  }
}
