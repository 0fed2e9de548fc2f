package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Row;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers that hand bad records to a handler, and the dead-letter file they go to. */
class BadRowsTest {
  @TempDir Path dir;

  private static Input text(String name, String text) {
    return Input.stream(
        name, () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void csvRecordsOfTheWrongWidthGoToTheHandlerAndTheRunGoesOn() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    List<Row> rows;
    try (BadRows bad = BadRows.open(file)) {
      rows =
          Csv.rows(
                  text("in.csv", "a,b\n1,2\n3,4,5\n6\n7,8\n"),
                  CsvSettings.defaults(),
                  h -> {},
                  bad::add)
              .toList();
      assertThat(bad.count()).isEqualTo(2);
      bad.commit();
    }
    assertThat(rows).extracting(r -> r.get("a")).containsExactly("1", "7");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            "{\"input\":\"in.csv\",\"line\":3,\"error\":\"in.csv: line 3: the record has 3 fields");
    assertThat(lines.get(1)).contains("\"line\":4");
  }

  @Test
  void withoutAHandlerAWrongWidthStillFailsTheRun() {
    assertThatThrownBy(() -> Csv.rows(text("in.csv", "a,b\n1\n"), CsvSettings.defaults()).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void aBrokenQuoteStillFailsTheRunWithAHandler() {
    List<BadInputException> seen = new java.util.ArrayList<>();
    assertThatThrownBy(
            () ->
                Csv.rows(text("in.csv", "a,b\n1,\"x\n"), CsvSettings.defaults(), h -> {}, seen::add)
                    .toList())
        .isInstanceOf(BadInputException.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void jsonLinesThatAreNotObjectsOrNotJsonGoToTheHandler() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    try (BadRows bad = BadRows.open(file)) {
      List<Row> rows =
          JsonLines.rows(
                  text("in.jsonl", "{\"a\":1}\n[1]\n{nope\n{\"a\":2}\n"),
                  JsonSettings.defaults(),
                  bad::add)
              .toList();
      assertThat(rows).extracting(r -> r.get("a")).containsExactly(1L, 2L);
      bad.commit();
    }
    assertThat(Files.readAllLines(file))
        .hasSize(2)
        .satisfies(l -> assertThat(l.get(0)).contains("\"line\":2").contains("not an object"))
        .satisfies(l -> assertThat(l.get(1)).contains("\"line\":3").contains("invalid JSON"));
  }

  @Test
  void aBadRowWithValuesKeepsThemAndAnUncommittedFileNeverAppears() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    try (BadRows bad = BadRows.open(file)) {
      bad.add(
          new BadInputException("in.csv", 9, "column n: cannot read 'x'", null, null),
          Row.of(dev.sluice.Columns.of("n"), "x"));
    }
    assertThat(file).doesNotExist();
    try (BadRows bad = BadRows.open(file)) {
      bad.add(
          new BadInputException("in.csv", 9, "column n: cannot read 'x'", null, null),
          Row.of(dev.sluice.Columns.of("n"), "x"));
      bad.commit();
    }
    assertThat(Files.readString(file))
        .isEqualTo(
            "{\"input\":\"in.csv\",\"line\":9,\"error\":\"in.csv: line 9: column n: cannot read 'x'\","
                + "\"row\":{\"n\":\"x\"}}\n");
  }
}
