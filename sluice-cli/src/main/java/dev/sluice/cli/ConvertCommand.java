package dev.sluice.cli;

import dev.sluice.io.Input;
import dev.sluice.io.Output;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  @Option(
      names = "--mask",
      paramLabel = "COL",
      description = "mask this column (a***@domain for e-mails, *** otherwise)")
  List<String> mask = new ArrayList<>();

  @Option(
      names = "--hash",
      paramLabel = "COL",
      description = "replace this column by the hex SHA-256 of its value")
  List<String> hash = new ArrayList<>();

  @Option(
      names = "--where",
      paramLabel = "COL=VALUE",
      description = "keep rows whose column equals the value")
  List<String> where = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "write at most N rows")
  long limit = -1;

  @Mixin CsvOptions csv = new CsvOptions();

  @Option(names = "--quiet", description = "no progress or summary on stderr")
  boolean quiet;

  @Override
  public Integer call() {
    Format inFormat = Format.resolve(input, from, "--from");
    Format outFormat = Format.resolve(output, to, "--to");
    Format.checkOutput(output);
    if (limit < -1) {
      throw new UsageException("--limit must be >= 0, was " + limit);
    }
    Rules rules = new Rules(input, parseWhere(), List.copyOf(mask), List.copyOf(hash));
    Input in = input.equals("-") ? Input.stdin() : Input.file(Path.of(input));
    Output out = output.equals("-") ? Output.stdout() : Output.file(Path.of(output));
    Counters counters = new Counters();
    long rows;
    Progress progress = quiet ? null : Progress.start("convert", counters, in.size(), System.err);
    try {
      rows =
          new Converter(rules, limit, csv.settings(), counters).run(in, inFormat, out, outFormat);
    } finally {
      if (progress != null) {
        progress.close();
      }
    }
    if (!quiet) {
      System.err.println("sluice: converted " + summary(rows, counters));
    }
    return Main.OK;
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

  private List<Map.Entry<String, String>> parseWhere() {
    List<Map.Entry<String, String>> result = new ArrayList<>();
    for (String w : where) {
      int eq = w.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--where needs COL=VALUE, was " + w);
      }
      result.add(Map.entry(w.substring(0, eq), w.substring(eq + 1)));
    }
    return result;
  }
}
