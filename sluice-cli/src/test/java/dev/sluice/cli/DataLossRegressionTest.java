package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.jdbc.testing.EachDatabase;
import dev.sluice.jdbc.testing.Engine;
import dev.sluice.jdbc.testing.TestDb;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression tests for the data-loss bugs of the reliability issue, through the CLI. */
class DataLossRegressionTest {
  @TempDir Path dir;

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @EachDatabase
  void exportGuardsFormulaCellsLikeConvertAndEndsLinesTheSameWay(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute(
          "CREATE TABLE cells (id INT PRIMARY KEY, v VARCHAR(100))",
          "INSERT INTO cells VALUES (1, '=HYPERLINK(\"http://x\",\"y\")'), (2, '@SUM(A1)'),"
              + " (3, '-5'), (4, '')");
      Path csv = dir.resolve("cells.csv");
      Cli cli = ExportImportTest.export(db, csv, "--table", "cells");
      assertThat(cli.code()).as(cli.err()).isZero();
      String exported = Files.readString(csv);
      assertThat(exported)
          .isEqualTo(
              "id,v\n1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n2,'@SUM(A1)\n3,-5\n4,\"\"\n");
      Path unguarded = dir.resolve("raw.csv");
      ExportImportTest.export(db, unguarded, "--table", "cells", "--no-formula-guard");
      assertThat(Files.readString(unguarded)).contains("\n1,\"=HYPERLINK(");

      Path jsonl =
          Files.writeString(
              dir.resolve("cells.jsonl"), "{\"v\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"}\n");
      Cli convert = Cli.run("convert", jsonl.toString(), path("conv.csv"), "--quiet");
      assertThat(convert.code()).as(convert.err()).isZero();
      assertThat(Files.readString(dir.resolve("conv.csv")))
          .isEqualTo("v\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n");
    }
  }

  @Test
  void oneColumnRowsThatAreEmptyOrNullSurviveARoundTrip() throws IOException {
    Files.writeString(
        dir.resolve("in.jsonl"),
        "{\"a\":\"x\"}\n{\"a\":\"\"}\n{\"a\":null}\n{\"a\":\"\"}\n{\"a\":\"y\"}\n");
    assertThat(Cli.run("convert", path("in.jsonl"), path("mid.csv"), "--quiet").code()).isZero();
    assertThat(Files.readString(dir.resolve("mid.csv"))).isEqualTo("a\nx\n\"\"\n\"\"\n\"\"\ny\n");
    assertThat(Cli.run("convert", path("mid.csv"), path("out.jsonl"), "--quiet").code()).isZero();
    assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).hasSize(5);
  }

  @Test
  void nullTextMarksNullCellsApartFromEmptyOnes() throws IOException {
    Files.writeString(dir.resolve("in.jsonl"), "{\"a\":null,\"b\":\"\"}\n");
    Cli cli = Cli.run("convert", path("in.jsonl"), path("out.csv"), "--null", "\\N", "--quiet");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo("a,b\n\\N,\"\"\n");
  }

  @Test
  void hashingALoneSurrogateIsBadInputNamingTheLineNotACollision() throws IOException {
    Files.writeString(dir.resolve("in.jsonl"), "{\"a\":\"?\"}\n{\"a\":\"\\ud800\"}\n");
    Cli json = Cli.run("convert", path("in.jsonl"), path("out.jsonl"), "--hash", "a", "--quiet");
    assertThat(json.code()).as(json.err()).isEqualTo(Main.BAD_INPUT);
    assertThat(json.err()).contains("lone surrogate").contains("line 2").contains("hash a");
    assertThat(dir.resolve("out.jsonl")).doesNotExist();
  }

  @Test
  void aHugeExponentStaysShortInCsv() throws IOException {
    Files.writeString(dir.resolve("in.jsonl"), "{\"n\":1e999999999,\"m\":1.5e3}\n");
    Cli cli = Cli.run("convert", path("in.jsonl"), path("out.csv"), "--quiet");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo("n,m\n1E+999999999,1500\n");
  }

  @Test
  void repeatedWhereConditionsAllHold() throws IOException {
    Files.writeString(dir.resolve("in.csv"), "a,b\n1,x\n2,x\n1,y\n");
    Cli both =
        Cli.run(
            "convert",
            path("in.csv"),
            path("o.jsonl"),
            "--where",
            "a=1",
            "--where",
            "a=2",
            "--quiet");
    assertThat(both.code()).isZero();
    assertThat(Files.readString(dir.resolve("o.jsonl"))).isEmpty();
    Cli and =
        Cli.run(
            "convert",
            path("in.csv"),
            path("p.jsonl"),
            "--where",
            "a=1",
            "--where",
            "b=y",
            "--quiet");
    assertThat(and.code()).isZero();
    assertThat(Files.readString(dir.resolve("p.jsonl"))).isEqualTo("{\"a\":\"1\",\"b\":\"y\"}\n");
  }

  @Test
  void outputsThatCannotBeWrittenAreUsageErrorsBeforeAnyWork() throws IOException {
    Files.writeString(dir.resolve("in.csv"), "a\n1\n");
    Cli missing = Cli.run("convert", path("in.csv"), path("no/such/out.jsonl"), "--quiet");
    assertThat(missing.code()).isEqualTo(Main.USAGE);
    assertThat(missing.err()).contains("does not exist");
    Files.createDirectory(dir.resolve("out.jsonl"));
    Cli folder = Cli.run("convert", path("in.csv"), path("out.jsonl"), "--quiet");
    assertThat(folder.code()).isEqualTo(Main.USAGE);
    assertThat(folder.err()).contains("is a folder");
  }

  @Test
  void aClosedStandardOutputStopsTheRunAtTheFirstFailedWrite() throws IOException {
    StringBuilder csv = new StringBuilder("id,text\n");
    for (int i = 0; i < 200_000; i++) {
      csv.append(i).append(",some text for row ").append(i).append('\n');
    }
    Files.writeString(dir.resolve("big.csv"), csv);
    AtomicLong attempted = new AtomicLong();
    OutputStream closedPipe =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            attempted.addAndGet(len);
            throw new IOException("Broken pipe");
          }
        };
    PrintStream saved = System.out;
    PrintStream savedErr = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(closedPipe, false));
      System.setErr(new PrintStream(err, true));
      code = Main.run("convert", path("big.csv"), "-", "--to", "jsonl", "--quiet");
    } finally {
      System.setOut(saved);
      System.setErr(savedErr);
    }
    assertThat(code).isEqualTo(Main.FAILED);
    assertThat(err.toString()).contains("closed").doesNotContain("\tat ");
    assertThat(attempted.get()).as("bytes written after the pipe closed").isLessThan(1 << 20);
  }

  @EachDatabase
  void importResumeRefusesAnInputThatChangedSinceTheInterruptedRun(Engine engine) throws Exception {
    try (TestDb db = TestDb.create(engine)) {
      db.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
      Path input = Files.writeString(dir.resolve("in.csv"), "id,v\n1,a\n2,b\n3,c\n");
      String fingerprint = dev.sluice.io.FileFingerprint.of(input).toString();
      String table = "t";
      db.execute(
          "CREATE TABLE sluice_checkpoint (job VARCHAR(200) PRIMARY KEY, position VARCHAR(10000),"
              + " committed_at TIMESTAMP)",
          "INSERT INTO sluice_checkpoint VALUES ('import "
              + table
              + " "
              + input.toAbsolutePath()
              + "', '1 "
              + fingerprint
              + "', CURRENT_TIMESTAMP)");
      FileTime time = Files.getLastModifiedTime(input);
      Files.writeString(input, "id,v\n9,a\n2,b\n3,c\n");
      Files.setLastModifiedTime(input, time);
      Cli refused = ExportImportTest.importFile(db, input, "--table", "t", "--resume");
      assertThat(refused.code()).as(refused.err()).isEqualTo(Main.USAGE);
      assertThat(refused.err()).contains("changed since the interrupted run");
      assertThat(db.query("SELECT COUNT(*) FROM t").get(0).get(0)).isIn(0, 0L);

      Files.writeString(input, "id,v\n1,a\n2,b\n3,c\n");
      Files.setLastModifiedTime(input, time);
      Cli resumed = ExportImportTest.importFile(db, input, "--table", "t", "--resume");
      assertThat(resumed.code()).as(resumed.err()).isZero();
      assertThat(db.query("SELECT id FROM t ORDER BY id")).containsExactly(List.of(2), List.of(3));
    }
  }
}
