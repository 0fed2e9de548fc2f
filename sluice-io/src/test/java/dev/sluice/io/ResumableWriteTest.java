package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.ResumeRefusedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResumableWriteTest {
  @TempDir Path dir;

  /** Numbers 1..n as CSV rows positioned by their value; fails after {@code failAfter} if set. */
  private static Resumable<List<String>> numbers(int n, int failAfter) {
    return after -> {
      long from = after.map(Long::parseLong).orElse(0L);
      return Pipe.range(from + 1, n + 1)
          .map(
              i -> {
                if (failAfter > 0 && i > failAfter) {
                  throw new IOException("disk gone after " + failAfter);
                }
                return new Positioned<>(List.of(Long.toString(i), "v" + i), Long.toString(i));
              });
    };
  }

  private long write(Path out, Resumable<List<String>> source, PartFile.Saved saved)
      throws Exception {
    return ResumableWrite.of(out, "numbers")
        .chunk(10)
        .write(
            source,
            saved,
            (os, resumed) -> {
              Encoder<List<String>> csv = Csv.encoder(os, CsvWriteSettings.defaults());
              if (!resumed) {
                csv.write(List.of("n", "v"));
              }
              return csv;
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"out.csv", "out.csv.gz"})
  void aResumedWriteIsByteForByteAnUninterruptedOne(String name) throws Exception {
    Path clean = dir.resolve("clean-" + name);
    assertThat(write(clean, numbers(95, 0), null)).isEqualTo(95);
    Path out = dir.resolve(name);
    assertThatThrownBy(() -> write(out, numbers(95, 37), null)).hasMessageContaining("disk gone");
    assertThat(out).doesNotExist();
    PartFile.Saved saved = PartFile.load(out);
    assertThat(saved.rows()).isEqualTo(30);
    assertThat(saved.position()).isEqualTo("30");
    assertThat(write(out, numbers(95, 0), saved)).isEqualTo(95);
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(clean));
    assertThat(PartFile.part(out)).doesNotExist();
    assertThat(PartFile.pos(out)).doesNotExist();
    if (name.endsWith(".gz")) {
      try (GZIPInputStream in =
          new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(out)))) {
        assertThat(new String(in.readAllBytes())).startsWith("n,v\n1,v1\n").endsWith("95,v95\n");
      }
    }
  }

  @Test
  void anotherJobsLeftoversAreRefused() throws Exception {
    String job = "other job";
    Path out = dir.resolve("o.csv");
    assertThatThrownBy(() -> write(out, numbers(50, 15), null)).hasMessageContaining("disk gone");
    PartFile.Saved saved = PartFile.load(out);
    assertThatThrownBy(
            () ->
                ResumableWrite.of(out, job)
                    .write(
                        numbers(50, 0),
                        saved,
                        (os, r) -> Csv.encoder(os, CsvWriteSettings.defaults())))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("was another job");
  }

  @Test
  void aCrashAfterTheRenameIsFinishedByDeletingThePositionFile() throws Exception {
    Path out = dir.resolve("r.csv");
    assertThatThrownBy(() -> write(out, numbers(20, 12), null)).hasMessageContaining("disk gone");
    PartFile.Saved saved = PartFile.load(out);
    Files.move(PartFile.part(out), out); // as if the run had renamed it and died
    assertThat(write(out, numbers(20, 0), saved)).isEqualTo(10);
    assertThat(PartFile.pos(out)).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void aChunkMustBePositive(int chunk) {
    assertThatThrownBy(() -> ResumableWrite.of(dir.resolve("x"), "j").chunk(chunk))
        .hasMessage("chunk must be > 0, was " + chunk);
  }

  @Test
  void writesRowsOfARowFile() throws Exception {
    String name = "rows.jsonl";
    Path in = Files.writeString(dir.resolve("in.csv"), "a,b\n1,x\n2,y\n");
    Path out = dir.resolve(name);
    long n =
        ResumableWrite.of(out, "rows")
            .write(
                RowFile.csv(in, CsvSettings.defaults()), null, (os, r) -> JsonLines.rowEncoder(os));
    assertThat(n).isEqualTo(2);
    assertThat(Files.readString(out))
        .isEqualTo("{\"a\":\"1\",\"b\":\"x\"}\n{\"a\":\"2\",\"b\":\"y\"}\n");
  }

  @Test
  void chunksCanEndAtPositionsTheSourceMarks() throws Exception {
    Path out = dir.resolve("pages.csv");
    ResumableWrite pages = ResumableWrite.of(out, "pages").chunkAt(p -> Long.parseLong(p) % 7 == 0);
    assertThatThrownBy(
            () ->
                pages.write(
                    numbers(30, 17), null, (os, r) -> Csv.encoder(os, CsvWriteSettings.defaults())))
        .hasMessageContaining("disk gone");
    assertThat(PartFile.load(out).position()).isEqualTo("14"); // two whole "pages" of 7
    assertThat(
            pages.write(
                numbers(30, 0),
                PartFile.load(out),
                (os, r) -> Csv.encoder(os, CsvWriteSettings.defaults())))
        .isEqualTo(30);
    assertThat(Files.readAllLines(out)).hasSize(30).startsWith("1,v1").endsWith("30,v30");
  }
}
