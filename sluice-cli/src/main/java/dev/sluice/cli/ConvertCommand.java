package dev.sluice.cli;

import dev.sluice.io.BadRows;
import dev.sluice.io.Conversion;
import dev.sluice.io.FileFormat;
import dev.sluice.io.Input;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import dev.sluice.io.RowRules;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice convert}: CSV and JSON Lines, either way, with filters and masking. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Converts between CSV and JSON Lines (.csv, .jsonl, .ndjson, each optionally .gz).",
      "'-' is stdin or stdout, with --from or --to. The output file appears only if the run succeeds."
    })
final class ConvertCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "INPUT", description = "input file, or - for stdin")
  String input;

  @Parameters(index = "1", paramLabel = "OUTPUT", description = "output file, or - for stdout")
  String output;

  @Option(names = "--from", paramLabel = "FORMAT", description = "input format: csv or jsonl")
  String from;

  @Option(names = "--to", paramLabel = "FORMAT", description = "output format: csv or jsonl")
  String to;

  @Mixin RulesOptions rules = new RulesOptions();

  @Option(
      names = "--infer",
      description =
          "CSV to JSON Lines: write integers and decimals as numbers, true/false as booleans and"
              + " empty fields as null (default: every field a string)")
  boolean infer;

  @Option(names = "--limit", paramLabel = "N", description = "write at most N rows")
  long limit = -1;

  @Mixin CsvOptions csv = new CsvOptions();

  @Mixin ReadOptions read = new ReadOptions();

  @Option(
      names = "--resume",
      description =
          "write OUTPUT.part with a checkpoint every --checkpoint-rows rows; after a crash, the same"
              + " command with --resume continues where the last checkpoint ended")
  boolean resume;

  @Option(
      names = "--checkpoint-rows",
      paramLabel = "N",
      description = "rows per checkpoint with --resume (default: ${DEFAULT-VALUE})")
  int checkpointRows = 20_000;

  @Option(
      names = "--skip-bad-rows",
      paramLabel = "FILE",
      description =
          "write records that cannot be read (a CSV record of the wrong width, a JSON line that is"
              + " not an object) to FILE as JSON Lines with their line and error, and go on")
  Path skipBadRows;

  @Option(names = "--quiet", description = "no progress or summary on stderr")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    FileFormat inFormat = Formats.resolve(input, from, "--from");
    FileFormat outFormat = Formats.resolve(output, to, "--to");
    Formats.checkOutput(output);
    if (limit < -1) {
      throw new UsageException("--limit must be >= 0, was " + limit);
    }
    if (infer && outFormat != FileFormat.JSON_LINES) {
      throw new UsageException("--infer is for JSON Lines output (CSV holds only text)");
    }
    RowRules rowRules = rules.rules().withInfer(infer);
    Input in = input.equals("-") ? Input.stdin() : Input.file(Path.of(input));
    Counters counters = new Counters();
    long sizeAtStart = in.size();
    Path target = output.equals("-") ? null : Path.of(output).toAbsolutePath();
    PartFile.Saved saved = target == null ? null : leftovers(target);
    if (skipBadRows != null && resume) {
      throw new UsageException("--skip-bad-rows cannot be combined with --resume");
    }
    Conversion conversion =
        Conversion.of(inFormat, outFormat)
            .withCsvInput(read.csv())
            .withJsonInput(read.json())
            .withCsvOutput(csv.settings())
            .withRules(rowRules)
            .onHeader(names -> RulesOptions.requireColumns(rowRules, names))
            .counting(counters.bytesRead, counters.rows);
    if (limit >= 0) {
      conversion = conversion.withLimit(limit);
    }
    long rows;
    BadRows bad = skipBadRows == null ? null : BadRows.open(skipBadRows.toAbsolutePath());
    Progress progress = Progress.of(quiet, "convert", counters, in.size());
    conversion = conversion.metered(progress);
    try {
      if (resume) {
        rows =
            conversion
                .withCheckpointRows(checkpointRows)
                .runResumable(Path.of(input), target, saved);
      } else {
        Output out = target == null ? Output.stdout() : Output.file(target);
        rows = (bad == null ? conversion : conversion.skippingBadRecords(bad::add)).run(in, out);
      }
      if (bad != null) {
        bad.commit();
      }
    } finally {
      progress.close();
      if (bad != null) {
        bad.close();
      }
    }
    long read = counters.bytesRead.get();
    boolean finishedBefore = resume && read == 0; // a resumed run found the output complete
    if (limit < 0 && sizeAtStart > 0 && read < sizeAtStart && !finishedBefore) {
      System.err.printf(
          "sluice: warning: %s shrank while it was read (%,d bytes at the start, %,d read): the"
              + " output may lack its last records%n",
          input, sizeAtStart, read);
    }
    if (!quiet) {
      System.err.println("sluice: converted " + summary(rows, counters));
    }
    if (bad != null && bad.count() > 0) {
      System.err.printf("sluice: skipped %,d bad rows, written to %s%n", bad.count(), skipBadRows);
    }
    return Main.OK;
  }

  /** With --resume, the saved state to continue from; without it, refuses to touch leftovers. */
  private PartFile.Saved leftovers(Path target) throws java.io.IOException {
    PartFile.Saved saved = Leftovers.check(target, resume, "convert --resume");
    if (!resume) {
      return null;
    }
    if (input.equals("-") || output.equals("-")) {
      throw new UsageException("--resume needs an INPUT and an OUTPUT file, not -");
    }
    if (limit >= 0) {
      throw new UsageException("--resume cannot be combined with --limit");
    }
    if (checkpointRows <= 0) {
      throw new UsageException("--checkpoint-rows must be > 0, was " + checkpointRows);
    }
    return saved;
  }

  static String summary(long rows, Counters counters) {
    double seconds = (System.nanoTime() - counters.startNanos) / 1e9;
    double mb = counters.bytesRead.get() / 1048576.0;
    return String.format(
        Locale.ROOT,
        "%,d rows, %.1f MB in %.1f s, %.1f MB/s, peak heap %d MB",
        rows,
        mb,
        seconds,
        mb / Math.max(seconds, 1e-9),
        Progress.peakHeap() >> 20);
  }
}
