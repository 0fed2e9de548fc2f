package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import java.nio.file.Path;
import java.util.Arrays;
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
    assertThat(csv).isEqualTo("\"a,b\",\"say \"\"x\"\"\",\"l1\nl2\",plain\n");
  }

  @Test
  void endsRecordsWithCrlfWhenAsked() {
    assertThat(write(CsvWriteSettings.defaults().withCrlf(true), List.of("a", "b")))
        .isEqualTo("a,b\r\n");
  }

  @Test
  void tellsNullFromEmptyText() {
    assertThat(write(CsvWriteSettings.defaults(), Arrays.asList("a", null, "", "b")))
        .isEqualTo("a,,\"\",b\n");
  }

  @Test
  void writesNullCellsAsTheNullTextWhenSet() {
    assertThat(write(CsvWriteSettings.defaults().withNullText("\\N"), Arrays.asList(null, "", "x")))
        .isEqualTo("\\N,\"\",x\n");
  }

  @Test
  void neverWritesARecordOfOneEmptyOrNullCellAsABlankLine() {
    Path file = dir.resolve("one.csv");
    Pipe.of(List.of("h"), List.of(""), Arrays.asList((String) null), List.of("x"))
        .into(Csv.sink(Output.file(file), CsvWriteSettings.defaults()));
    assertThat(TestFiles.read(file)).isEqualTo("h\n\"\"\n\"\"\nx\n");
    assertThat(Csv.read(file).map(r -> r.get(0)).toList()).containsExactly("", "", "x");
  }

  @Test
  void rejectsAnEmptyNullText() {
    assertThatThrownBy(() -> CsvWriteSettings.defaults().withNullText(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nullText");
  }

  @Test
  void settingsListEveryValue() {
    assertThat(CsvWriteSettings.defaults().withNullText("\\N").toString())
        .isEqualTo(
            "CsvWriteSettings[fieldSeparator=,, quoteCharacter=\", lineEnd=LF,"
                + " formulaGuard=true, nullText=\\N]");
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

  @Test
  void aFailedWriteToAPrintStreamFailsAtOnceNotAtTheEnd() {
    java.util.concurrent.atomic.AtomicLong attempted = new java.util.concurrent.atomic.AtomicLong();
    java.io.OutputStream closedPipe =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws java.io.IOException {
            attempted.addAndGet(len);
            throw new java.io.IOException("Broken pipe");
          }
        };
    java.io.PrintStream stdout = new java.io.PrintStream(closedPipe, false);
    java.util.concurrent.atomic.AtomicLong pulled = new java.util.concurrent.atomic.AtomicLong();
    Pipe<List<String>> rows =
        Pipe.range(0, 1_000_000).peek(i -> pulled.incrementAndGet()).map(i -> List.of("row " + i));
    assertThatThrownBy(
            () ->
                rows.into(
                    Csv.sink(Output.stream("<stdout>", () -> stdout), CsvWriteSettings.defaults())))
        .hasRootCauseInstanceOf(ClosedOutputException.class)
        .hasMessageContaining("<stdout>");
    assertThat(pulled.get()).isLessThan(100_000);
    assertThat(attempted.get()).isLessThan(1 << 20);
  }
}
