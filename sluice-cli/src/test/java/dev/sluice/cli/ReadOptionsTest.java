package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every parser setting an error names can be changed from the command line. */
class ReadOptionsTest {
  @TempDir Path dir;

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void aFieldPastTheLimitNamesTheOptionThatRaisesIt() throws IOException {
    Files.writeString(dir.resolve("in.csv"), "a\n" + "x".repeat(100) + "\n");
    Cli small =
        Cli.run("convert", path("in.csv"), path("o.jsonl"), "--max-field-size", "50", "--quiet");
    assertThat(small.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(small.err()).contains("maxFieldSize").contains("--max-field-size");
    Cli raised =
        Cli.run("convert", path("in.csv"), path("o.jsonl"), "--max-field-size", "200", "--quiet");
    assertThat(raised.code()).as(raised.err()).isZero();
  }

  @Test
  void lenientAndDuplicateHeadersAreOptions() throws IOException {
    Files.writeString(dir.resolve("ragged.csv"), "a,b\n1\n");
    assertThat(Cli.run("convert", path("ragged.csv"), path("o.jsonl"), "--quiet").err())
        .contains("--lenient");
    assertThat(
            Cli.run("convert", path("ragged.csv"), path("o.jsonl"), "--lenient", "--quiet").code())
        .isZero();
    Files.writeString(dir.resolve("dup.csv"), "a,a\n1,2\n");
    assertThat(Cli.run("convert", path("dup.csv"), path("d.jsonl"), "--quiet").err())
        .contains("--allow-duplicate-header");
    Cli dup =
        Cli.run("convert", path("dup.csv"), path("d.csv"), "--allow-duplicate-header", "--quiet");
    assertThat(dup.code()).as(dup.err()).isZero();
  }

  @Test
  void jsonLimitsAreOptions() throws IOException {
    Files.writeString(dir.resolve("deep.jsonl"), "{\"a\":[[[[1]]]]}\n");
    Cli shallow =
        Cli.run(
            "convert", path("deep.jsonl"), path("o.csv"), "--max-nesting-depth", "2", "--quiet");
    assertThat(shallow.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(shallow.err()).contains("--max-nesting-depth");
  }

  @Test
  void limitsThatContradictEachOtherAreUsageErrors() throws IOException {
    Files.writeString(dir.resolve("in.csv"), "a\n1\n");
    Cli cli =
        Cli.run(
            "convert",
            path("in.csv"),
            path("o.jsonl"),
            "--max-field-size",
            "100",
            "--max-record-size",
            "10",
            "--quiet");
    assertThat(cli.code()).isEqualTo(Main.USAGE);
    assertThat(cli.err()).contains("maxRecordSize");
  }
}
