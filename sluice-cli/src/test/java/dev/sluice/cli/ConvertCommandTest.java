package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void convertsCsvToJsonLinesWithKeysInHeaderOrder() throws IOException {
    file("in.csv", "id,email,note\n1,alice@example.com,\"a, \"\"b\"\"\nc\"\n");
    Cli cli = Cli.run("convert", path("in.csv"), path("out.jsonl"), "--mask", "email", "--quiet");
    assertThat(cli.code()).isZero();
    assertThat(Files.readString(dir.resolve("out.jsonl")))
        .isEqualTo("{\"id\":\"1\",\"email\":\"a***@example.com\",\"note\":\"a, \\\"b\\\"\\nc\"}\n");
  }

  @Test
  void convertsJsonLinesToCsvWithTheFirstObjectsKeys() throws IOException {
    file(
        "in.ndjson",
        "{\"a\":\"x\",\"n\":1.50,\"b\":true,\"z\":null,\"o\":{\"k\":[1,2]}}\n"
            + "{\"a\":\"=cmd\",\"n\":-2}\n");
    Cli cli = Cli.run("convert", path("in.ndjson"), path("out.csv"), "--quiet");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(Files.readString(dir.resolve("out.csv")))
        .isEqualTo("a,n,b,z,o\nx,1.50,true,,\"{\"\"k\"\":[1,2]}\"\n'=cmd,-2,,,\n");
  }

  @Test
  void keepsTheDigitsOfDecimalNumbers() throws IOException {
    file(
        "in.jsonl",
        "{\"a\":0.0000001,\"b\":2.50,\"c\":1e5,\"d\":123456789012345678901234567890.5,"
            + "\"e\":{\"x\":0.0000001}}\n");
    Cli toCsv = Cli.run("convert", path("in.jsonl"), path("out.csv"), "--quiet");
    assertThat(toCsv.code()).as(toCsv.err()).isZero();
    assertThat(Files.readString(dir.resolve("out.csv")))
        .isEqualTo(
            "a,b,c,d,e\n0.0000001,2.50,100000,123456789012345678901234567890.5,"
                + "\"{\"\"x\"\":0.0000001}\"\n");
    Cli toJson = Cli.run("convert", path("in.jsonl"), path("out.jsonl"), "--quiet");
    assertThat(toJson.code()).as(toJson.err()).isZero();
    assertThat(Files.readString(dir.resolve("out.jsonl")))
        .isEqualTo(
            "{\"a\":0.0000001,\"b\":2.50,\"c\":100000,"
                + "\"d\":123456789012345678901234567890.5,\"e\":{\"x\":0.0000001}}\n");
  }

  @Test
  void turnsTheFormulaGuardOff() throws IOException {
    file("in.jsonl", "{\"a\":\"=cmd\"}\n");
    Cli.run("convert", path("in.jsonl"), path("out.csv"), "--quiet", "--no-formula-guard");
    assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo("a\n=cmd\n");
  }

  @Test
  void failsWithBadInputForAKeyNotInTheFirstObject() throws IOException {
    file("in.jsonl", "{\"a\":1}\n{\"a\":2,\"b\":3}\n");
    Cli cli = Cli.run("convert", path("in.jsonl"), path("out.csv"), "--quiet");
    assertThat(cli.code()).isEqualTo(3);
    assertThat(cli.err())
        .contains(
            "the row of line 2 has column 'b', which is not in the header [a] taken from the"
                + " first row");
    assertThat(dir.resolve("out.csv")).doesNotExist();
  }

  @Test
  void filtersHashesAndLimits() throws IOException {
    file(
        "in.csv",
        "id,status,email\n1,active,a@x.io\n2,gone,b@x.io\n3,active,c@x.io\n4,active,d@x\n");
    Cli cli =
        Cli.run(
            "convert",
            path("in.csv"),
            path("out.csv"),
            "--where",
            "status=active",
            "--hash",
            "email",
            "--limit",
            "2",
            "--quiet");
    assertThat(cli.code()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("out.csv"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).isEqualTo("1,active," + Cli.sha256("a@x.io"));
    assertThat(lines.get(2)).startsWith("3,active,");
  }

  @Test
  void readsStdinAndWritesStdout() {
    Cli cli =
        Cli.runWithStdin(
            "a,b\n1,2\n", "convert", "-", "-", "--from", "csv", "--to", "jsonl", "--quiet");
    assertThat(cli.code()).isZero();
    assertThat(cli.out()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}\n");
  }

  @Test
  void readsAndWritesGzip() throws IOException {
    try (var gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("in.csv.gz")))) {
      gz.write("a\n1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(Cli.run("convert", path("in.csv.gz"), path("out.jsonl.gz"), "--quiet").code())
        .isZero();
    try (var in = new GZIPInputStream(Files.newInputStream(dir.resolve("out.jsonl.gz")))) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("{\"a\":\"1\"}\n");
    }
  }

  @Test
  void failsHalfWayWithBadInputAndLeavesNoOutput() throws IOException {
    StringBuilder csv = new StringBuilder("a,b\n");
    for (int i = 0; i < 50_000; i++) {
      csv.append(i).append(",x\n");
    }
    csv.append("ragged\n");
    file("in.csv", csv.toString());
    Cli cli = Cli.run("convert", path("in.csv"), path("out.jsonl"), "--quiet");
    assertThat(cli.code()).isEqualTo(3);
    assertThat(cli.err()).contains("in.csv: line 50002").doesNotContain("\tat ");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.csv");
    }
  }

  @Test
  void reportsInvalidUtf8AsBadInput() throws IOException {
    Files.write(dir.resolve("in.csv"), new byte[] {'a', '\n', (byte) 0xC0, '\n'});
    Cli cli = Cli.run("convert", path("in.csv"), path("out.jsonl"), "--quiet");
    assertThat(cli.code()).isEqualTo(3);
    assertThat(cli.err()).contains("in.csv").contains("byte offset 2");
  }

  @Test
  void reportsAMissingFileAsBadInput() {
    Cli cli = Cli.run("convert", path("nope.csv"), path("out.jsonl"), "--quiet");
    assertThat(cli.code()).isEqualTo(3);
    assertThat(cli.err()).contains("nope.csv: no such file");
  }

  @Test
  void usageErrorsExitWith2() throws IOException {
    file("in.csv", "a\n1\n");
    assertThat(Cli.run("convert", path("in.csv")).code()).isEqualTo(2);
    assertThat(Cli.run("convert", path("in.csv"), path("out.txt")).code()).isEqualTo(2);
    assertThat(Cli.run("convert", "-", path("o.csv")).code()).isEqualTo(2);
    assertThat(
            Cli.run("convert", path("in.csv"), path("o.csv"), "--mask", "nope", "--quiet").code())
        .isEqualTo(2);
    assertThat(Cli.run("bogus").code()).isEqualTo(2);
    assertThat(Cli.run().code()).isEqualTo(2);
  }

  @Test
  void handlesAnEmptyFileAndAHeaderOnly() throws IOException {
    file("empty.csv", "");
    file("header.csv", "a,b\n");
    assertThat(Cli.run("convert", path("empty.csv"), path("e.jsonl"), "--quiet").code()).isZero();
    assertThat(Cli.run("convert", path("header.csv"), path("h.jsonl"), "--quiet").code()).isZero();
    assertThat(Files.size(dir.resolve("e.jsonl"))).isZero();
    assertThat(Files.size(dir.resolve("h.jsonl"))).isZero();
    assertThat(Cli.run("convert", path("empty.csv"), path("e.csv"), "--quiet").code()).isZero();
    assertThat(Cli.run("convert", path("header.csv"), path("h.csv"), "--quiet").code()).isZero();
    assertThat(Files.size(dir.resolve("e.csv"))).isZero();
    assertThat(Files.readString(dir.resolve("h.csv"))).isEqualTo("a,b\n");
  }
}
