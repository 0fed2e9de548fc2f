package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.Row;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import dev.sluice.io.ResumableWrite;
import dev.sluice.io.RowFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The items of a paginated REST API ({@link Rest}) written into one file, as JSON Lines or as CSV:
 * what {@code sluice fetch} runs. Immutable and thread-safe; each {@link #into} or {@link #resume}
 * is one run on the calling thread, holding one page.
 *
 * <p>JSON Lines writes each item as the API served it (decimals as written, not read as doubles).
 * CSV makes each item a row by {@link JsonLines#toRows}: one column per key of the first item, in
 * its order, written by the one CSV writer with its {@link CsvWriteSettings}; a later item with
 * another key fails the run and names it.
 *
 * <p>{@link #into} is all or nothing: a file output appears only when every page was fetched and
 * written. {@link #resume} commits each page as it arrives (the bytes fsynced into {@code
 * file.part}, the next page's position into {@code file.part.pos}, by {@link ResumableWrite});
 * given what an interrupted run saved, it refetches no committed page, and the finished file is
 * byte for byte what an uninterrupted run writes, provided the API serves the same pages.
 *
 * <pre>{@code
 * RestExport users = RestExport.csv(URI.create("https://api.example.com/users"),
 *     RestSettings.builder().items("/data").build(), CsvWriteSettings.defaults());
 * long written = users.resume(Path.of("users.csv"), PartFile.load(Path.of("users.csv")));
 * }</pre>
 */
public final class RestExport {
  private final URI first;
  private final RestSettings settings;
  private final CsvWriteSettings csv; // null for JSON Lines

  private RestExport(URI first, RestSettings settings, CsvWriteSettings csv) {
    this.first = Objects.requireNonNull(first, "first");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.csv = csv;
  }

  /** The items from {@code first} as JSON Lines, one item a line. */
  public static RestExport jsonLines(URI first, RestSettings settings) {
    return new RestExport(first, settings, null);
  }

  /** The items from {@code first} as CSV rows, one column per key of the first item. */
  public static RestExport csv(URI first, RestSettings settings, CsvWriteSettings csv) {
    return new RestExport(first, settings, Objects.requireNonNull(csv, "csv"));
  }

  /**
   * Writes every item into {@code output} (a file appears only when the run succeeds); returns the
   * items written. A failing page fails the run with its {@link HttpException}.
   */
  public long into(Output output) {
    Objects.requireNonNull(output, "output");
    return csv == null
        ? Rest.items(first, settings).into(JsonLines.sink(output))
        : Rest.items(first, settings)
            .via(JsonLines.toRows(first.toString()))
            .into(output.sink(out -> Csv.rowEncoder(out, csv)));
  }

  /**
   * Writes the items into {@code file}, committing after each page, and continues the run {@code
   * saved} describes ({@link PartFile#load}; null for a fresh run); returns the items in the
   * finished file. A resumed CSV keeps the header its first run wrote. The run {@code saved}
   * describes must be this job ({@link #job}), else it is refused. {@link RestSettings#maxPages()}
   * must be unlimited: a resumed run could not count the pages before it.
   */
  public long resume(Path file, PartFile.Saved saved) throws Exception {
    Objects.requireNonNull(file, "file");
    if (settings.maxPages() > 0) {
      throw new IllegalArgumentException(
          "a resumable export fetches every page: maxPages must be unlimited, was "
              + settings.maxPages());
    }
    ResumableWrite write = ResumableWrite.of(file, job()).chunkAt(Rest::endsPage);
    Resumable<JsonNode> items = Rest.resumable(first, settings);
    if (csv == null) {
      ObjectMapper mapper = new ObjectMapper();
      return write.write(items, saved, (out, resumed) -> JsonLines.encoder(out, mapper));
    }
    List<String> header =
        saved != null && saved.bytes() > 0
            ? RowFile.csv(PartFile.part(file), CsvSettings.defaults()).firstColumns()
            : null;
    Resumable<Row> rows =
        after -> items.after(after).via(Positioned.lift(JsonLines.toRows(first.toString())));
    return write.write(
        rows,
        saved,
        (out, resumed) ->
            header == null ? Csv.rowEncoder(out, csv) : Csv.rowEncoder(out, csv, header, false));
  }

  /**
   * What a resumed run must share with the run it continues, on one line: the first URL, the items
   * pointer, the pagination, the headers (in name order, their values only as a hash: they may be
   * credentials) and the format.
   */
  public String job() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
    for (Map.Entry<String, String> header : new TreeMap<>(settings.headers()).entrySet()) {
      sha.update(
          (header.getKey() + ": " + header.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return String.join(
        " ",
        "fetch url=" + first,
        "items=" + settings.items(),
        "pagination=" + settings.pagination(),
        "headers=" + settings.headers().size() + ":" + HexFormat.of().formatHex(sha.digest(), 0, 8),
        csv == null ? "to=jsonl" : "to=csv " + csv);
  }

  @Override
  public String toString() {
    return "RestExport[" + job() + "]";
  }
}
