package dev.sluice.examples;

import dev.sluice.Pipe;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvRow;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.Input;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import java.nio.file.Path;

/** docs/cookbook/csv-to-jsonl.md, "Using both cores". */
public final class BothCores {
  private BothCores() {}

  private static String mask(String email) {
    return UsersToJsonLines.mask(email);
  }

  static void convert(Path in, Path out) {
    // region both-cores
    CsvSettings settings = CsvSettings.defaults().withDecodeAhead(true); // files only
    Pipe<java.util.List<CsvRow>> chunks =
        Pipe.using(
            () ->
                Csv.read(Input.file(in), settings)
                    .map(r -> r.with("email", mask(r.get("email"))))
                    .batch(256)
                    .iterator(4), // at most 256 × 6 rows in flight
            Pipe::from);
    chunks.flatMap(Pipe::from).into(JsonLines.sink(Output.file(out)));
    // endregion
  }
}
