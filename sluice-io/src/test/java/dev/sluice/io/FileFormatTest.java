package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileFormatTest {
  @ParameterizedTest
  @CsvSource({
    "users.csv, CSV",
    "/data/Users.CSV.GZ, CSV",
    "events.jsonl, JSON_LINES",
    "events.ndjson.gz, JSON_LINES",
    "dir.csv/events.JSONL, JSON_LINES"
  })
  void theExtensionNamesTheFormatWithOrWithoutGzip(String name, FileFormat format) {
    assertThat(FileFormat.ofName(name)).contains(format);
  }

  @ParameterizedTest
  @CsvSource({"users.txt", "users.gz", "users.csv.bz2", "csv", "users.json"})
  void anotherExtensionNamesNone(String name) {
    assertThat(FileFormat.ofName(name)).isEqualTo(Optional.empty());
  }

  @Test
  void aFormatIsNamedAsOnACommandLine() {
    assertThat(FileFormat.named("CSV")).isEqualTo(FileFormat.CSV);
    assertThat(FileFormat.named("jsonl")).isEqualTo(FileFormat.JSON_LINES);
    assertThat(FileFormat.named("NDJSON")).isEqualTo(FileFormat.JSON_LINES);
    assertThatThrownBy(() -> FileFormat.named("json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown format json; use csv or jsonl");
  }
}
