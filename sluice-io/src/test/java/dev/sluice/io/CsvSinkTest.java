package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSinkTest {
  @TempDir Path dir;

  record Row(int id, String text) {}

  private String write(CsvWriteSettings settings, List<String> cells) {
    Path file = dir.resolve("out.csv");
    Pipe.of(cells).into(Csv.sink(Output.file(file), settings));
    return TestFiles.read(file);
  }

  @Test
  void quotesPerRfc4180() {
    String csv = write(CsvWriteSettings.defaults(), List.of("a,b", "say \"x\"", "l1\nl2", "plain"));
    assertThat(csv).isEqualTo("\"a,b\",\"say \"\"x\"\"\",\"l1\nl2\",plain\r\n");
  }

  @Test
  void guardsFormulaCellsButNotPlainNumbers() {
    String csv =
        write(
            CsvWriteSettings.defaults().withCrlf(false),
            List.of("=SUM(A1)", "+1+2", "-2", "@cmd", "\tx", "-1.5e3", "+7", "-", "ok"));
    assertThat(csv).isEqualTo("'=SUM(A1),'+1+2,-2,'@cmd,'\tx,-1.5e3,+7,'-,ok\n");
  }

  @Test
  void guardsACellStartingWithCarriageReturn() {
    assertThat(write(CsvWriteSettings.defaults().withCrlf(false), List.of("\rx")))
        .isEqualTo("\"'\rx\"\n");
  }

  @Test
  void writesFormulaCellsAsTheyAreWhenTheGuardIsOff() {
    String csv =
        write(CsvWriteSettings.defaults().withFormulaGuard(false).withCrlf(false), List.of("=1+2"));
    assertThat(csv).isEqualTo("=1+2\n");
  }

  @Test
  void writesRecordsWithAHeaderOfComponentNames() {
    Path file = dir.resolve("r.csv.gz");
    Pipe.of(new Row(1, "a"), new Row(2, null))
        .into(Csv.sink(Output.file(file), Row.class, CsvWriteSettings.defaults().withCrlf(false)));
    assertThat(Lines.read(file).toList()).containsExactly("id,text", "1,a", "2,");
  }
}
