package dev.sluice.examples;

// region class
import dev.sluice.Pipe;
import dev.sluice.io.BadInputException;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvRow;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.Input;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import java.nio.file.Path;

public final class UsersToJsonLines {
  static String mask(String email) { // alice@example.com -> a***@example.com
    int at = email.lastIndexOf('@');
    return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }

  static long convert(Path in, Path out) {
    Pipe<CsvRow> rows = Csv.read(Input.file(in), CsvSettings.defaults());
    return rows.filter(row -> row.get("status").equals("active"))
        .map(row -> row.with("email", mask(row.get("email"))))
        .into(JsonLines.sink(Output.file(out))); // out ends in .gz: compressed
  }

  public static void main(String[] args) {
    try {
      long written = convert(Path.of("users.csv"), Path.of("users.jsonl.gz"));
      System.out.println(written + " rows");
    } catch (BadInputException e) {
      // e.g. "users.csv: line 812: Unclosed quoted field at end of input ... (setting: lenient)"
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }
}
// endregion
