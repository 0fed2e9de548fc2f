package dev.sluice.examples;

import dev.sluice.io.Csv;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.Input;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import java.nio.file.Path;

/** docs/cookbook/csv-to-jsonl.md, "Records instead of rows". */
public final class ActiveUsers {
  private ActiveUsers() {}

  // region records
  public record User(long id, String email, String status) {}

  // endregion

  static void activeUsers(Path users, Path active) {
    // region records
    Csv.read(Input.file(users), User.class, CsvSettings.defaults())
        .filter(u -> u.status().equals("active"))
        .into(JsonLines.sink(Output.file(active)));
    // endregion
  }
}
