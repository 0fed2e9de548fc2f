package dev.sluice.cli;

import dev.sluice.examples.SampleUsers;
import dev.sluice.io.Output;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice generate}: writes the demo's users CSV ({@link SampleUsers}); for tests and
 * benchmarks.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Writes a users CSV of realistic rows (quoted commas, quotes, line breaks).")
final class GenerateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OUTPUT", description = "a .csv or .csv.gz file, or -")
  String output;

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "number of rows (default: ${DEFAULT-VALUE})")
  long rows = 2_000_000;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Override
  public Integer call() {
    if (rows < 0) {
      throw new UsageException("--rows must be >= 0, was " + rows);
    }
    Output out = output.equals("-") ? Output.stdout() : Output.file(Path.of(output));
    SampleUsers.writeCsv(out, rows, seed);
    return Main.OK;
  }
}
