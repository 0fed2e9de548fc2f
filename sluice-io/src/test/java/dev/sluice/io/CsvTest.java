package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {
  @TempDir Path dir;

  record Person(long id, String name, Boolean active) {}

  private static List<CsvRow> rows(String csv) {
    return rows(csv, CsvSettings.defaults());
  }

  private static List<CsvRow> rows(String csv, CsvSettings settings) {
    return Csv.read(TestFiles.bytes("in.csv", csv.getBytes(StandardCharsets.UTF_8)), settings)
        .toList();
  }

  @Test
  void readsRowsByHeaderName() {
    List<CsvRow> rows = rows("id,name\n1,Ann\n2,Bob\n");
    assertThat(rows).extracting(r -> r.get("name")).containsExactly("Ann", "Bob");
    assertThat(rows.get(1).line()).isEqualTo(3);
    assertThat(rows.get(0).toMap())
        .containsExactly(java.util.Map.entry("id", "1"), java.util.Map.entry("name", "Ann"));
  }

  @Test
  void withMakesAChangedCopyByNameOrIndex() {
    CsvRow row = rows("id,name\n1,Ann\n").get(0);
    assertThat(row.with("name", "Bo").fields()).containsExactly("1", "Bo");
    assertThat(row.with(0, "2").fields()).containsExactly("2", "Ann");
    assertThat(row.fields()).containsExactly("1", "Ann");
    assertThatThrownBy(() -> row.with(2, "x")).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> row.with("nope", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsQuotedNewlinesAndEscapedQuotes() {
    List<CsvRow> rows = rows("a,b\n\"x\ny\",\"say \"\"hi\"\"\"\r\n3,4");
    assertThat(rows.get(0).fields()).containsExactly("x\ny", "say \"hi\"");
    assertThat(rows.get(1).line()).isEqualTo(4);
  }

  @Test
  void acceptsMixedLineEnds() {
    assertThat(rows("a\r\n1\n2\r3\r\n")).extracting(r -> r.get(0)).containsExactly("1", "2", "3");
  }

  @Test
  void stripsAByteOrderMark() {
    assertThat(rows("\uFEFFid\n7\n").get(0).get("id")).isEqualTo("7");
  }

  @Test
  void readsNoRowsFromAnEmptyFileOrAHeaderOnly() {
    assertThat(rows("")).isEmpty();
    assertThat(rows("a,b\n")).isEmpty();
  }

  @Test
  void handsOverTheHeaderBeforeTheRowsAndOfAHeaderOnlyInput() {
    List<String> seen = new ArrayList<>();
    Pipe<CsvRow> rows =
        Csv.read(
            TestFiles.bytes("h.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)),
            CsvSettings.defaults(),
            names -> seen.add("header " + names));
    rows.forEach(row -> seen.add("row " + row.fields()));
    assertThat(seen).containsExactly("header [a, b]", "row [1, 2]");
    seen.clear();
    Csv.read(
            TestFiles.bytes("h.csv", "x\n".getBytes(StandardCharsets.UTF_8)),
            CsvSettings.defaults(),
            names -> seen.add("header " + names))
        .forEach(row -> seen.add("row"));
    assertThat(seen).containsExactly("header [x]");
    Csv.read(TestFiles.bytes("e.csv", new byte[0]), CsvSettings.defaults(), n -> seen.add("?"))
        .count();
    assertThat(seen).hasSize(1);
  }

  @Test
  void rejectsARaggedRowNamingItsLine() {
    assertThatThrownBy(() -> rows("a,b\n1,2\n3\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("in.csv: line 3");
  }

  @Test
  void acceptsARaggedRowWhenLenient() {
    assertThat(rows("a,b\n3\n", CsvSettings.defaults().withLenient(true))).hasSize(1);
  }

  @Test
  void lenientlyAShortRecordHasEmptyMissingFieldsAndALongOneIsBadInput() throws Exception {
    CsvSettings lenient = CsvSettings.defaults().withLenient(true);
    CsvRow shortRow = rows("a,b,c\n3\n", lenient).get(0);
    assertThat(shortRow.size()).isEqualTo(3);
    assertThat(shortRow.fields()).containsExactly("3", "", "");
    // both writers take it: every header column, none lost (they failed on it before)
    var json = new java.io.ByteArrayOutputStream();
    Encoder<dev.sluice.Row> jsonl = JsonLines.rowEncoder(json);
    jsonl.write(shortRow);
    jsonl.finish();
    assertThat(json.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":\"3\",\"b\":\"\",\"c\":\"\"}\n");
    var csv = new java.io.ByteArrayOutputStream();
    Encoder<dev.sluice.Row> out = Csv.rowEncoder(csv, CsvWriteSettings.defaults().withCrlf(false));
    out.write(shortRow);
    out.finish();
    assertThat(csv.toString(StandardCharsets.UTF_8)).isEqualTo("a,b,c\n3,\"\",\"\"\n");
    // a record longer than the header would lose its extra fields: an error naming its line
    assertThatThrownBy(() -> rows("a,b\n1,2\n3,4,5\n", lenient))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("3 fields and the header 2");
  }

  @Test
  void rejectsAnUnclosedQuote() {
    assertThatThrownBy(() -> rows("a\n1\n\"open\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("Unclosed");
  }

  @Test
  void rejectsCharactersAfterAClosingQuote() {
    assertThatThrownBy(() -> rows("a,b\n\"x\"y,2\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void rejectsADuplicateHeader() {
    assertThatThrownBy(() -> rows("a,b,a\n1,2,3\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("duplicate");
  }

  @Test
  void rejectsInvalidUtf8NamingTheOffset() {
    byte[] bytes = {'a', '\n', '1', '\n', (byte) 0xFE, '\n'};
    assertThatThrownBy(
            () -> Csv.read(TestFiles.bytes("u.csv", bytes), CsvSettings.defaults()).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("u.csv")
        .hasMessageContaining("byte offset 4");
  }

  @Test
  void failsOnAFieldLongerThanTheLimitNamingTheSetting() {
    String csv = "a\n" + "x".repeat(100) + "\n";
    CsvSettings small = CsvSettings.defaults().withLimits(10, 50, 50, 1000);
    assertThatThrownBy(() -> rows(csv, small))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("maxFieldSize")
        .hasMessageContaining("line 2");
  }

  @Test
  void failsOnTooManyFieldsOrTooLongARecordNamingTheSetting() {
    CsvSettings small = CsvSettings.defaults().withLimits(3, 50, 60, 1000);
    assertThatThrownBy(() -> rows("a,b,c,d\n1,2,3,4\n", small))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 1")
        .satisfies(e -> assertThat(((BadInputException) e).setting()).isEqualTo("maxFields"));
    String row = "x".repeat(40) + "," + "y".repeat(40);
    assertThatThrownBy(() -> rows("a,b\n1,2\n" + row + "\n", small))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 3")
        .satisfies(e -> assertThat(((BadInputException) e).setting()).isEqualTo("maxRecordSize"));
    assertThat(rows("a,b,c\n" + "x".repeat(30) + ",y,z\n", small)).hasSize(1);
  }

  @Test
  void readsLongFieldsWithinTheLimit() {
    String big = "é".repeat(200_000);
    assertThat(rows("a\n\"" + big + "\"\n").get(0).get("a")).isEqualTo(big);
  }

  @Test
  void mapsRowsToRecordsByComponentName() {
    List<Person> people =
        Csv.read(
                TestFiles.bytes(
                    "p.csv",
                    "name,id,active\nAnn,1,true\nBob,2,\n".getBytes(StandardCharsets.UTF_8)),
                Person.class,
                CsvSettings.defaults())
            .toList();
    assertThat(people).containsExactly(new Person(1, "Ann", true), new Person(2, "Bob", null));
  }

  @Test
  void namesTheLineOfAValueThatDoesNotConvert() {
    Input in =
        TestFiles.bytes("p.csv", "id,name,active\nx,Ann,true\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Csv.read(in, Person.class, CsvSettings.defaults()).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("column id");
  }

  @Test
  void readsGzip() {
    Path file =
        TestFiles.write(dir, "g.csv.gz", TestFiles.gzip("a\n1\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(Csv.read(file).toList()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9, 10})
  void roundTripsRandomCellsThroughTheWriterAndReader(long seed) {
    Random random = new Random(seed);
    List<List<String>> records = new ArrayList<>();
    records.add(List.of("c0", "c1", "c2"));
    for (int i = random.nextInt(300); i > 0; i--) {
      List<String> record = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        StringBuilder cell = new StringBuilder();
        for (int k = random.nextInt(12); k > 0; k--) {
          cell.append("ab,\"\n\r é".charAt(random.nextInt(8)));
        }
        record.add(cell.toString());
      }
      if (!String.join("", record).isEmpty()) {
        records.add(record);
      }
    }
    Path file = dir.resolve("r" + seed + ".csv");
    CsvWriteSettings raw = CsvWriteSettings.defaults().withFormulaGuard(false);
    Pipe.from(records).into(Csv.sink(Output.file(file), raw));
    for (boolean ahead : new boolean[] {false, true}) {
      List<List<String>> back =
          Csv.read(Input.file(file), CsvSettings.defaults().withDecodeAhead(ahead))
              .map(CsvRow::fields)
              .toList();
      assertThat(back).isEqualTo(records.subList(1, records.size()));
    }
  }
}
