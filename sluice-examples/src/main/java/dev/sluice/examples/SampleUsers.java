package dev.sluice.examples;

import dev.sluice.Pipe;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Output;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic, reproducible user rows for {@code sluice demo}, {@code sluice generate}, the memory
 * suite and the benchmarks: names, e-mails, cities and companies with commas, notes with quotes,
 * line breaks and a formula-like cell. Generated one row at a time; row {@code i} depends only on
 * the seed and {@code i}, so any amount is made in constant memory.
 */
public final class SampleUsers {
  /** The column names. */
  public static final List<String> HEADER =
      List.of(
          "id",
          "first_name",
          "last_name",
          "email",
          "city",
          "company",
          "status",
          "signup_date",
          "note");

  private static final String[] FIRST = {
    "Alice", "Bob", "Chloé", "Dmitri", "Eve", "Farid", "Grace", "Hiro", "Ingrid", "José", "Kwame",
    "Lena", "Mateo", "Nora", "Olu", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Viktor"
  };
  private static final String[] LAST = {
    "Smith", "Müller", "O'Brien", "Nakamura", "García", "Okafor", "Novak", "Rossi", "Dubois",
    "Kowalski", "Larsen", "Haddad", "Silva", "Chen", "Ivanova", "Johansson", "Patel", "Moreau"
  };
  private static final String[] DOMAINS = {
    "example.com", "mail.example.org", "corp.example.net", "example.co.uk", "example.io"
  };
  private static final String[] CITIES = {
    "Paris, FR",
    "Berlin",
    "Lagos, NG",
    "São Paulo",
    "Tokyo",
    "Austin, TX",
    "Kraków",
    "Oslo",
    "Mumbai, IN",
    "Toronto, ON"
  };
  private static final String[] COMPANIES = {
    "Acme, Inc.",
    "Globex",
    "Initech, LLC",
    "Umbrella Corp",
    "Stark Industries",
    "Wayne, Ltd.",
    "Hooli",
    "Vandelay Industries"
  };
  private static final String[] STATUS = {"active", "active", "active", "inactive", "pending"};
  private static final String[] NOTES = {
    "",
    "",
    "",
    "prefers e-mail",
    "called twice, no answer",
    "VIP, handle with care",
    "said \"call me later\"",
    "moved from the old system\nduplicate checked",
    "=1+2 looks like a formula"
  };
  private static final LocalDate EPOCH = LocalDate.of(2015, 1, 1);

  private SampleUsers() {}

  /** The rows 1..n (without the header). */
  public static Pipe<List<String>> rows(long n, long seed) {
    return Pipe.range(1, n + 1).map(i -> row(i, seed));
  }

  /** Row {@code i} of the rows made from {@code seed}. */
  public static List<String> row(long i, long seed) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    String first = FIRST[r.nextInt(FIRST.length)];
    String last = LAST[r.nextInt(LAST.length)];
    String email =
        first.toLowerCase(java.util.Locale.ROOT)
            + "."
            + last.toLowerCase(java.util.Locale.ROOT).replace("'", "")
            + i
            + "@"
            + DOMAINS[r.nextInt(DOMAINS.length)];
    return List.of(
        Long.toString(i),
        first,
        last,
        email,
        CITIES[r.nextInt(CITIES.length)],
        COMPANIES[r.nextInt(COMPANIES.length)],
        STATUS[r.nextInt(STATUS.length)],
        EPOCH.plusDays(r.nextInt(3650)).toString(),
        NOTES[r.nextInt(NOTES.length)]);
  }

  /**
   * Writes the header and rows 1..n to {@code out} as CSV (LF line ends, the formula guard off so
   * the data stays raw) and returns the rows written.
   */
  public static long writeCsv(Output out, long rows, long seed) {
    CsvWriteSettings settings = CsvWriteSettings.defaults().withFormulaGuard(false).withCrlf(false);
    return Pipe.concat(Pipe.of(HEADER), rows(rows, seed)).into(Csv.sink(out, settings)) - 1;
  }
}
