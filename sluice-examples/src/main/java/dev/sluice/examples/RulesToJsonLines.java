package dev.sluice.examples;

import dev.sluice.io.Condition;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.Input;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import dev.sluice.io.RowRules;
import java.nio.file.Path;

/** The CSV page's job with the row rules that {@code sluice convert} uses. */
public final class RulesToJsonLines {
  private RulesToJsonLines() {}

  static long convert(Path in, Path out) {
    // region rules
    RowRules rules =
        RowRules.none()
            .where(Condition.parse("status=active"))
            .mask("email")
            .select("id", "email")
            .withInfer(true) // "1" becomes 1
            .withStrictColumns(true); // a rule naming a column the header lacks is an error
    return Csv.rows(Input.file(in), CsvSettings.defaults())
        .via(rules.stage(in.toString()))
        .into(JsonLines.rowSink(Output.file(out)));
    // endregion
  }
}
