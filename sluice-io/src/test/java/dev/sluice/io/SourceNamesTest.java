package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import dev.sluice.Progress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file readers name their source after the input, in progress reports and error notes. */
class SourceNamesTest {
  private static Input input(String name, String text) {
    return Input.stream(
        name, () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String sourceName(Pipe<?> pipe) {
    List<Progress> reports = new ArrayList<>();
    pipe.onProgress(reports::add, Duration.ofHours(1)).count();
    return reports.get(reports.size() - 1).stages().get(0).stage();
  }

  @Test
  void csvJsonLinesAndLinesAreNamedByTheirInput() {
    assertThat(sourceName(Csv.rows(input("orders.csv", "id\n1\n"), CsvSettings.defaults())))
        .startsWith("csv orders.csv");
    assertThat(
            sourceName(
                JsonLines.rows(input("events.jsonl", "{\"a\":1}\n"), JsonSettings.defaults())))
        .startsWith("json lines events.jsonl");
    assertThat(sourceName(Lines.read(input("app.log", "x\n"), LineSettings.defaults())))
        .startsWith("lines app.log");
  }

  @Test
  void aLineBreakInTheInputsNameDoesNotBreakTheName() {
    assertThat(sourceName(Csv.rows(input("a\nb.csv", "id\n1\n"), CsvSettings.defaults())))
        .startsWith("csv a b.csv");
  }
}
