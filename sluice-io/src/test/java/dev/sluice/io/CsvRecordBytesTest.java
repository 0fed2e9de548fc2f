package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Positioned;
import dev.sluice.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CsvRecordBytes}: the records it takes are those {@link RowFile} reads, value for value, it
 * stops before the first it cannot take, and its positions resume the row path there.
 */
class CsvRecordBytesTest {
  private static final String[] VALUES = {
    "plain", "a,b", "say \"hi\"", "two\nlines", "crlf\r\nin", "é漢字🙂", "", " spaced ", "\\.", "#"
  };

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Seeded random clean CSV: quotes, line breaks in quotes, CRLF, empty lines, no last LF. */
  private static String clean(long seed, int records) {
    Random random = new Random(seed);
    StringBuilder b = new StringBuilder("a,b,c\r\n");
    for (int i = 0; i < records; i++) {
      for (int f = 0; f < 3; f++) {
        String v = VALUES[random.nextInt(VALUES.length)];
        boolean quote =
            v.contains(",") || v.contains("\"") || v.contains("\n") || random.nextInt(5) == 0;
        b.append(f > 0 ? "," : "").append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
      }
      if (i < records - 1 || random.nextBoolean()) {
        b.append(random.nextBoolean() ? "\n" : "\r\n");
      }
      if (random.nextInt(20) == 0 && i < records - 1) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** The values of the records the bytes take, unquoted. */
  private static List<List<String>> taken(CsvRecordBytes bytes, long[] count) throws Exception {
    List<List<String>> records = new ArrayList<>();
    CsvRecordBytes.Read read =
        bytes.read(
            (b, from, to, fields) -> {
              List<String> values = new ArrayList<>();
              for (int i = 0; i < 3; i++) {
                assertThat(fields.decodes(i)).isTrue();
                String raw =
                    new String(
                        b,
                        fields.start(i),
                        fields.end(i) - fields.start(i),
                        StandardCharsets.UTF_8);
                values.add(fields.doubled(i) ? raw.replace("\"\"", "\"") : raw);
              }
              records.add(values);
              return true;
            });
    count[0] = read.records();
    assertThat(read.records()).isEqualTo(records.size());
    return read.clean() ? records : null;
  }

  private static List<List<String>> rows(Path file, Optional<String> after) {
    return RowFile.csv(file, CsvSettings.defaults())
        .after(after)
        .map(Positioned::item)
        .map(CsvRecordBytesTest::values)
        .toList();
  }

  private static List<String> values(Row row) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      values.add(Row.textOf(row.get(i)));
    }
    return values;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void takesEveryRecordOfCleanFilesAsTheRowPathReadsThem(long seed) throws Exception {
    Path file = write("clean.csv", clean(seed, 2000 + (int) seed * 97));
    CsvRecordBytes bytes = CsvRecordBytes.of(file, CsvSettings.defaults(), 3).orElseThrow();
    long[] count = {0};
    List<List<String>> taken = taken(bytes, count);
    assertThat(taken).isNotNull().isEqualTo(rows(file, Optional.empty()));
    assertThat(rows(file, Optional.of(bytes.position(count[0])))).isEmpty();
  }

  @Test
  void stopsBeforeTheFirstRecordItCannotTakeAndThePositionResumesTheRowPathThere()
      throws Exception {
    String head = clean(11, 500);
    for (String odd :
        List.of(
            "x,y\n", // another width
            "x,\"y\"z,w\n", // text after a closing quote
            "x,y\"z,w\n", // a quote inside an unquoted field
            "x,y\rz,w\n")) { // a lone CR
      String text = (head.endsWith("\n") ? head : head + "\n") + odd + "p,q,r\n";
      Path file = write("odd.csv", text);
      CsvRecordBytes bytes = CsvRecordBytes.of(file, CsvSettings.defaults(), 3).orElseThrow();
      long[] count = {0};
      assertThat(taken(bytes, count)).as(odd).isNull();
      assertThat(count[0]).as(odd).isEqualTo(500);
      assertThat(bytes.position(500)).startsWith("500 +0 at="); // by byte offset
    }
    Path declined = write("declined.csv", head.endsWith("\n") ? head : head + "\n");
    CsvRecordBytes bytes = CsvRecordBytes.of(declined, CsvSettings.defaults(), 3).orElseThrow();
    int[] seen = {0};
    CsvRecordBytes.Read read = bytes.read((b, from, to, fields) -> ++seen[0] <= 123);
    assertThat(read).isEqualTo(new CsvRecordBytes.Read(123, false));
    assertThat(rows(declined, Optional.of(bytes.position(123))))
        .isEqualTo(rows(declined, Optional.empty()).subList(123, 500));
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24, 25})
  void positionsTakenAsRecordsPassResumeTheRowPathByByteOffsetWithTheSameLineNumbers(long seed)
      throws Exception {
    String text = clean(seed, 1500);
    // a record of another width last: the row path's error names its line, resumed or not
    Path file = write("resume.csv", (text.endsWith("\n") ? text : text + "\n") + "x,y\n");
    CsvRecordBytes bytes = CsvRecordBytes.of(file, CsvSettings.defaults(), 3).orElseThrow();
    List<String> positions = new ArrayList<>();
    long[] n = {0};
    CsvRecordBytes.Read read =
        bytes.read(
            (b, from, to, fields) -> {
              if (++n[0] % 250 == 0) {
                positions.add(bytes.position(n[0]));
              }
              return true;
            });
    assertThat(read).isEqualTo(new CsvRecordBytes.Read(1500, false));
    assertThat(positions).hasSize(6).allMatch(p -> p.matches("\\d+ \\+0 at=\\d+ end=\\d+ .*"));
    assertThat(bytes.position(1500)).startsWith("1500 +0 at=");
    List<List<String>> all = new ArrayList<>();
    String error = readUntilError(file, Optional.empty(), all);
    assertThat(error).contains("line");
    assertThat(all).hasSize(1500);
    for (int i = 0; i < positions.size(); i++) {
      List<List<String>> rest = new ArrayList<>();
      assertThat(readUntilError(file, Optional.of(positions.get(i)), rest)).isEqualTo(error);
      assertThat(rest).isEqualTo(all.subList(250 * (i + 1), 1500));
    }
    // the bytes read on after a position: the same records, positions counted from the file's
    List<List<String>> after = new ArrayList<>();
    List<String> later = new ArrayList<>();
    CsvRecordBytes again = CsvRecordBytes.of(file, CsvSettings.defaults(), 3).orElseThrow();
    assertThat(again.startsAfter(positions.get(1))).isTrue();
    assertThat(again.startsAfter(again.position(7))).isFalse(); // by record number, no read yet
    long[] k = {0};
    again.read(
        positions.get(1),
        (b, from, to, fields) -> {
          List<String> values = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            String raw =
                new String(
                    b, fields.start(i), fields.end(i) - fields.start(i), StandardCharsets.UTF_8);
            values.add(fields.doubled(i) ? raw.replace("\"\"", "\"") : raw);
          }
          after.add(values);
          if (++k[0] % 250 == 0) {
            later.add(again.position(k[0]));
          }
          return true;
        });
    assertThat(after).isEqualTo(all.subList(500, 1500));
    assertThat(later).isEqualTo(positions.subList(2, 6));
    // the same length, one byte of the first record changed: a resume is refused, not misread
    byte[] changed = Files.readAllBytes(file);
    changed[8] = (byte) (changed[8] == 'q' ? 'r' : 'q');
    Files.write(file, changed);
    String position = positions.get(2);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> readUntilError(file, Optional.of(position), new ArrayList<>()))
        .isInstanceOf(dev.sluice.ResumeRefusedException.class);
    CsvRecordBytes changedBytes = CsvRecordBytes.of(file, CsvSettings.defaults(), 3).orElseThrow();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> changedBytes.read(position, (b, from, to, fields) -> true))
        .isInstanceOf(dev.sluice.ResumeRefusedException.class)
        .hasMessageContaining("changed since the interrupted run read it");
  }

  /**
   * The rows of {@code file} after {@code after} into {@code rows}, and the message that ends it.
   */
  private static String readUntilError(Path file, Optional<String> after, List<List<String>> rows)
      throws Exception {
    try {
      RowFile.csv(file, CsvSettings.defaults())
          .after(after)
          .forEach(r -> rows.add(values(r.item())));
    } catch (BadInputException e) {
      return e.getMessage();
    } catch (dev.sluice.PipeException e) {
      if (e.getCause() instanceof BadInputException bad) {
        return bad.getMessage();
      }
      throw e;
    }
    return "no error";
  }

  @Test
  void aRecordOrFieldAtItsLimitIsLeftToTheRowPath() throws Exception {
    String big = "x".repeat(5000);
    Path file = write("big.csv", "a,b\n1,2\n3," + big + "\n5,6\n");
    long[] count = {0};
    CsvSettings small = CsvSettings.defaults().withMaxFieldSize(4096);
    assertThat(taken2(CsvRecordBytes.of(file, small, 2).orElseThrow(), count)).isFalse();
    assertThat(count[0]).isEqualTo(1);
    CsvSettings smallRecord = CsvSettings.defaults().withLimits(16, 2048, 4096, 1 << 20);
    assertThat(taken2(CsvRecordBytes.of(file, smallRecord, 2).orElseThrow(), count)).isFalse();
    assertThat(count[0]).isEqualTo(1);
    assertThat(taken2(CsvRecordBytes.of(file, CsvSettings.defaults(), 2).orElseThrow(), count))
        .isTrue();
    assertThat(count[0]).isEqualTo(3);
  }

  private static boolean taken2(CsvRecordBytes bytes, long[] count) throws Exception {
    CsvRecordBytes.Read read = bytes.read((b, from, to, fields) -> true);
    count[0] = read.records();
    return read.clean();
  }

  @Test
  void filesItCannotReadOnTheirBytesAreNotTaken() throws Exception {
    Path plain = write("p.csv", "a,b\n1,2\n");
    assertThat(CsvRecordBytes.of(plain, CsvSettings.defaults(), 2)).isPresent();
    assertThat(CsvRecordBytes.of(plain, CsvSettings.defaults(), 1)).isEmpty();
    assertThat(CsvRecordBytes.of(plain, CsvSettings.defaults().withLenient(true), 2)).isEmpty();
    assertThat(
            CsvRecordBytes.of(
                plain, CsvSettings.defaults().withCharset(StandardCharsets.ISO_8859_1), 2))
        .isEmpty();
    Path gzip = dir.resolve("g.csv.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
      out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(CsvRecordBytes.of(gzip, CsvSettings.defaults(), 2)).isEmpty();
    Path ascii = write("a.csv", "a,b\n1,é\n");
    CsvRecordBytes bytes =
        CsvRecordBytes.of(ascii, CsvSettings.defaults().withCharset(StandardCharsets.US_ASCII), 2)
            .orElseThrow();
    boolean[] decodes = {true};
    bytes.read(
        (b, from, to, fields) -> {
          decodes[0] = fields.decodes(1);
          return true;
        });
    assertThat(decodes[0]).isFalse();
  }
}
