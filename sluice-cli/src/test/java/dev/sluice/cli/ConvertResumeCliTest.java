package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.io.Lines;
import dev.sluice.io.PartFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills (SIGKILL) a child {@code sluice convert --resume} at random moments, then finishes it with
 * {@code --resume}: the output is byte for byte that of an uninterrupted run, plain and gzip, CSV
 * and JSON Lines; a plain convert writes the same rows; an input that changed is refused.
 */
class ConvertResumeCliTest {
  private static final int ROWS = 40_000;
  private static final int KILLS = Integer.getInteger("sluice.crash.kills", 3);

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "in.csv, out.jsonl",
    "in.csv, out.csv.gz",
    "in.jsonl, out.csv",
    "in.jsonl, out.jsonl.gz"
  })
  void resumedAfterKillNineIsByteIdenticalToAnUninterruptedRun(String inName, String outName)
      throws Exception {
    Path in = input(inName);
    List<String> options =
        List.of("--mask", "email", "--where", "keep=y", "--checkpoint-rows", "500");
    Path clean = dir.resolve("clean-" + outName);
    Cli cleanRun = Cli.run(args(in, clean, options, "--resume", "--quiet"));
    assertThat(cleanRun.code()).as(cleanRun.err()).isZero();
    assertThat(cleanRun.err()).doesNotContain("shrank");
    Path plain = dir.resolve("plain-" + outName);
    assertThat(Cli.run(args(in, plain, options, "--quiet")).code()).isZero();
    assertThat(Lines.read(plain).toList()).isEqualTo(Lines.read(clean).toList());

    Path out = dir.resolve(outName);
    Random random = new Random(System.nanoTime());
    List<Long> committed = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      Path log = dir.resolve("kill-" + kill + ".log");
      Process child = ChildCli.start(List.of(args(in, out, options, "--resume")), log);
      long target = random.nextLong(ROWS / 3);
      ChildCli.awaitRows(child, log, "convert", target, 60);
      child.destroyForcibly().waitFor();
      PartFile.Saved saved = PartFile.load(out);
      committed.add(saved == null ? -1 : saved.rows());
    }
    assertThat(Cli.run(args(in, out, options, "--quiet")).code())
        .as("leftovers refused without --resume")
        .isIn(Main.USAGE, Main.OK);
    Cli last = Cli.run(args(in, out, options, "--resume", "--quiet"));
    assertThat(last.code()).as(last.err()).isZero();
    assertThat(last.err()).doesNotContain("shrank"); // the resumed run reads the whole input again
    assertThat(Files.mismatch(out, clean))
        .as("first differing byte, commits %s", committed)
        .isEqualTo(-1);
    assertThat(PartFile.part(out)).doesNotExist();
    assertThat(PartFile.pos(out)).doesNotExist();
    assertThat(committed).as("rows committed at each kill").anyMatch(n -> n >= 0);
  }

  @ParameterizedTest
  @CsvSource({"in.csv, out.jsonl"})
  void resumingAfterTheInputChangedIsRefused(String inName, String outName) throws Exception {
    Path in = input(inName);
    Path out = dir.resolve(outName);
    List<String> options = List.of("--checkpoint-rows", "500");
    Process child = ChildCli.start(List.of(args(in, out, options, "--resume")), dir.resolve("log"));
    ChildCli.awaitRows(child, dir.resolve("log"), "convert", 1000, 60);
    child.destroyForcibly().waitFor();
    if (PartFile.load(out) == null) {
      return; // the child finished before it was killed: nothing to resume
    }
    Files.writeString(in, "id,email,keep\n1,x@example.com,y\n");
    Cli refused = Cli.run(args(in, out, options, "--resume", "--quiet"));
    assertThat(refused.code()).as(refused.err()).isEqualTo(Main.USAGE);
    // Refused by the job (the way the input is cut depends on its size) or by the position (the
    // committed prefix is gone): either way exit 2, saying what changed and what to do.
    assertThat(refused.err())
        .satisfiesAnyOf(
            err -> assertThat(err).contains("another job").contains("remove"),
            err -> assertThat(err).contains(in.toString()).contains("restore the original file"));
  }

  private Path input(String name) throws Exception {
    StringBuilder text = new StringBuilder();
    boolean csv = name.endsWith(".csv");
    if (csv) {
      text.append("id,email,keep\n");
    }
    for (int i = 0; i < ROWS; i++) {
      String keep = i % 7 == 0 ? "n" : "y";
      String email = "user" + i + "@example.com";
      text.append(
          csv
              ? i + "," + email + "," + keep + "\n"
              : "{\"id\":\"" + i + "\",\"email\":\"" + email + "\",\"keep\":\"" + keep + "\"}\n");
    }
    return Files.writeString(dir.resolve(name), text);
  }

  private static String[] args(Path in, Path out, List<String> options, String... more) {
    List<String> all = new ArrayList<>(List.of("convert", in.toString(), out.toString()));
    all.addAll(options);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
