package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Row;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.Input;
import dev.sluice.io.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SampleUsersTest {
  @TempDir Path dir;

  @Test
  void rowIDependsOnlyOnTheSeedAndI() {
    assertThat(SampleUsers.rows(500, 42).toList().get(349)).isEqualTo(SampleUsers.row(350, 42));
    assertThat(SampleUsers.row(7, 42)).isEqualTo(SampleUsers.row(7, 42));
    assertThat(SampleUsers.row(7, 43)).isNotEqualTo(SampleUsers.row(7, 42));
    assertThat(SampleUsers.row(7, 42)).hasSameSizeAs(SampleUsers.HEADER);
    assertThat(SampleUsers.row(7, 42).get(0)).isEqualTo("7");
  }

  @Test
  void theCsvReadsBackAsTheSameRowsQuotesLineBreaksAndFormulasIncluded() throws Exception {
    Path csv = dir.resolve("users.csv");
    assertThat(SampleUsers.writeCsv(Output.file(csv), 2000, 42)).isEqualTo(2000);
    List<Row> rows = Csv.rows(Input.file(csv), CsvSettings.defaults()).toList();
    assertThat(rows).hasSize(2000);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).names()).isEqualTo(SampleUsers.HEADER);
      assertThat(rows.get(i).values()).isEqualTo(SampleUsers.row(i + 1, 42));
    }
    String text = Files.readString(csv);
    assertThat(text).contains("\"said \"\"call me later\"\"\"", "\"moved from the old system\n");
    assertThat(text).contains(",=1+2 looks like a formula").doesNotContain("\r\n");
  }
}
