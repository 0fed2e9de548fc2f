package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Positioned;
import dev.sluice.ResumeRefusedException;
import dev.sluice.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RowFile} positions by byte offset: every resume, at every segment size, is exact. */
class RowFileOffsetsTest {
  private static final String[] TEXT = {
    "a", "plain", "é", "日本語", "😀", "x😀y", "", " ", "12", "-3.5", "ñandú"
  };

  @TempDir Path dir;

  /** A random CSV: quoted separators, quotes, LF and CRLF inside fields, CRLF, empty lines. */
  static String csv(Random random, int records) {
    StringBuilder sb = new StringBuilder("id,name,note\n");
    for (int r = 0; r < records; r++) {
      if (random.nextInt(10) == 0) {
        sb.append(random.nextBoolean() ? "\n" : "\r\n");
      }
      sb.append(r).append(',').append(field(random)).append(',').append(field(random));
      if (r < records - 1 || random.nextBoolean()) {
        sb.append(random.nextInt(3) == 0 ? "\r\n" : "\n");
      }
    }
    return sb.toString();
  }

  private static String field(Random random) {
    String text = TEXT[random.nextInt(TEXT.length)];
    return switch (random.nextInt(6)) {
      case 0 -> "\"" + text + ",\n" + text + "\"";
      case 1 -> "\"" + text + "\"\"q\"\"\r\n\"";
      case 2 -> "\"\"";
      default -> text;
    };
  }

  /** Random JSON Lines: escaped quotes, multi-byte text, CRLF, blank lines. */
  static String jsonl(Random random, int records) {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < records; r++) {
      if (random.nextInt(10) == 0) {
        sb.append(random.nextBoolean() ? "\n" : "  \r\n");
      }
      String text = TEXT[random.nextInt(TEXT.length)];
      sb.append("{\"id\":").append(r).append(",\"t\":\"").append(text).append("\\\"\\n\"}");
      if (r < records - 1 || random.nextBoolean()) {
        sb.append(random.nextInt(3) == 0 ? "\r\n" : "\n");
      }
    }
    return sb.toString();
  }

  private RowFile file(String name, String content) throws Exception {
    Path path = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    return name.endsWith(".csv")
        ? RowFile.csv(path, CsvSettings.defaults())
        : RowFile.jsonLines(path, JsonSettings.defaults());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 64, 333, RowFile.SEGMENT_BYTES})
  void resumingAfterEveryRecordGivesTheRestOfAWholeFileRead(int segment) throws Exception {
    for (long seed = 0; seed < 4; seed++) {
      Random random = new Random(seed * 31 + segment);
      boolean csv = seed % 2 == 0;
      RowFile file =
          file(
                  csv ? "in" + seed + ".csv" : "in" + seed + ".jsonl",
                  csv ? csv(random, 60) : jsonl(random, 60))
              .withSegment(segment);
      List<Row> whole = file.rows().toList();
      AtomicLong read = new AtomicLong();
      List<Positioned<Row>> all = file.counting(read).after(Optional.empty()).toList();
      assertThat(all).extracting(Positioned::item).containsExactlyElementsOf(whole);
      assertThat(all).extracting(p -> p.item().line()).containsExactlyElementsOf(lines(whole));
      assertThat(all).extracting(p -> RowFile.records(p.position())).doesNotHaveDuplicates();
      assertThat(read.get()).isEqualTo(Files.size(file.path()));
      for (int i = 0; i < all.size(); i++) {
        AtomicLong again = new AtomicLong();
        List<Positioned<Row>> rest =
            file.counting(again).after(Optional.of(all.get(i).position())).toList();
        assertThat(rest).as("after record %d", i + 1).isEqualTo(all.subList(i + 1, all.size()));
        assertThat(rest)
            .extracting(p -> p.item().line())
            .isEqualTo(lines(whole.subList(i + 1, whole.size())));
        assertThat(RowFile.records(all.get(i).position())).isEqualTo(i + 1);
        assertThat(again.get()).isEqualTo(Files.size(file.path()));
      }
    }
  }

  private static List<Long> lines(List<Row> rows) {
    return rows.stream().map(Row::line).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.csv", "a.jsonl"})
  void aChangedPrefixIsRefusedAndAChangeAfterTheOffsetIsNot(String name) throws Exception {
    Random random = new Random(7);
    String content = name.endsWith(".csv") ? csv(random, 40) : jsonl(random, 40);
    RowFile file = file(name, content).withSegment(16);
    List<Positioned<Row>> all = file.after(Optional.empty()).toList();
    String position = all.get(20).position();
    long offset = FilePosition.parse(position, file.path()).offset();
    long end = FilePosition.parse(position, file.path()).end();
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);

    byte[] after = bytes.clone();
    int digit = after.length - 1;
    while (after[digit] < '0' || after[digit] > '9') {
      digit--;
    }
    assertThat((long) digit).isGreaterThanOrEqualTo(end);
    after[digit] = (byte) (after[digit] == '1' ? '2' : '1');
    Files.write(file.path(), after);
    assertThat(file.after(Optional.of(position)).count()).isEqualTo(all.size() - 21);

    byte[] before = bytes.clone();
    int at = (int) offset - 1;
    while (before[at] < '0' || before[at] > '9') {
      at--;
    }
    before[at] = (byte) (before[at] == '9' ? '8' : '9');
    Files.write(file.path(), before);
    assertThatThrownBy(() -> file.after(Optional.of(position)).count())
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("changed since the interrupted run read it: its first ")
        .hasMessageContaining("Start again without resuming");

    Files.write(file.path(), java.util.Arrays.copyOf(bytes, (int) offset - 1));
    assertThatThrownBy(() -> file.after(Optional.of(position)).count())
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("shorter than the " + end + " bytes the interrupted run had read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.csv", "a.jsonl"})
  void aFileThatGrewResumesWithTheRecordsAppended(String name) throws Exception {
    boolean csv = name.endsWith(".csv");
    RowFile file = file(name, csv ? "id,v\n1,a\n2,b\n" : "{\"id\":1}\n{\"id\":2}\n").withSegment(4);
    String position = file.after(Optional.empty()).toList().get(1).position();
    Files.writeString(file.path(), csv ? "3,c\n" : "{\"id\":3}\n", StandardOpenOption.APPEND);
    assertThat(file.after(Optional.of(position)).toList())
        .extracting(p -> Row.textOf(p.item().get("id")))
        .containsExactly("3");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 100})
  void anErrorAfterAResumeNamesTheLineAWholeFileReadNames(int segment) throws Exception {
    RowFile file =
        file("bad.csv", "a,b\n1,\"x\ny\"\r\n2,z\n\n3,\"q\n\"\n4\n5,w\n").withSegment(segment);
    String whole = failure(file, Optional.empty());
    assertThat(whole).contains("line 8");
    for (int i = 1; i <= 3; i++) {
      String position = file.after(Optional.empty()).take(i).toList().get(i - 1).position();
      assertThat(failure(file, Optional.of(position))).isEqualTo(whole);
    }
  }

  private static String failure(RowFile file, Optional<String> after) {
    try {
      file.after(after).count();
    } catch (BadInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.csv", "a.jsonl"})
  void aPositionOfTheVersionBeforeResumesByRecordNumberAndIsRefusedForAnotherFile(String name)
      throws Exception {
    boolean csv = name.endsWith(".csv");
    RowFile file = file(name, csv ? "id\n1\n2\n3\n" : "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n");
    String old = "2 " + FileFingerprint.of(file.path());
    assertThat(file.after(Optional.of(old)).toList())
        .extracting(p -> Row.textOf(p.item().get("id")))
        .containsExactly("3");
    Files.writeString(file.path(), csv ? "id\n1\n2\n4\n" : "{\"id\":1}\n{\"id\":2}\n{\"id\":4}\n");
    assertThatThrownBy(() -> file.after(Optional.of(old)))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("changed since the interrupted run started");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.csv.gz", "a.jsonl.gz"})
  void aGzipFileResumesByReadingItsRecordsAgain(String name) throws Exception {
    boolean csv = name.contains(".csv");
    byte[] plain =
        (csv ? "id\n1\n2\n3\n" : "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n")
            .getBytes(StandardCharsets.UTF_8);
    Path path = TestFiles.write(dir, name, TestFiles.gzip(plain));
    RowFile file =
        csv
            ? RowFile.csv(path, CsvSettings.defaults())
            : RowFile.jsonLines(path, JsonSettings.defaults());
    List<Positioned<Row>> all = file.after(Optional.empty()).toList();
    assertThat(all.get(0).position()).isEqualTo("1 " + FileFingerprint.of(path));
    assertThat(file.after(Optional.of(all.get(0).position())).toList())
        .isEqualTo(all.subList(1, 3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.csv", "a.jsonl"})
  void aByteOffsetPositionOfAFileThatIsGzipNowIsRefused(String name) throws Exception {
    boolean csv = name.endsWith(".csv");
    String content = csv ? "id\n1\n2\n" : "{\"id\":1}\n{\"id\":2}\n";
    RowFile file = file(name, content);
    String position = file.after(Optional.empty()).first().orElseThrow().position();
    Files.write(file.path(), TestFiles.gzip(content.getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> file.after(Optional.of(position)))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("by byte offsets");
    assertThatThrownBy(() -> file.after(Optional.of("3 +1 at=x")))
        .isInstanceOf(ResumeRefusedException.class);
  }
}
