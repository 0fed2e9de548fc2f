package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.http.Pagination;
import dev.sluice.http.Rest;
import dev.sluice.http.RestSettings;
import dev.sluice.io.Csv;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import dev.sluice.io.ResumableWrite;
import dev.sluice.io.RowFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice fetch}: the items of a paginated JSON API as JSON Lines or CSV. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches every page of a JSON API and writes its items as JSON Lines, or as CSV (an .csv",
      "OUTPUT or --to csv: one column per key of the first item; a later item with another key",
      "fails the run).",
      "Network errors, 429 and 5xx are retried (5 attempts a page, honouring Retry-After).",
      "The output file appears only if the run succeeds; with --resume each page is committed",
      "to OUTPUT.part as it arrives, and a rerun continues after the last committed page."
    })
final class FetchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "URL", description = "the first page")
  String url;

  @Parameters(index = "1", paramLabel = "OUTPUT", description = "output file, or - for stdout")
  String output;

  @Option(
      names = "--items",
      paramLabel = "POINTER",
      description = "JSON pointer of the items array (default: the page is the array)")
  String items = "";

  @Option(
      names = "--next",
      paramLabel = "link|POINTER",
      description = "next page: 'link' for the Link header (default) or a JSON pointer to a URL")
  String next = "link";

  @Option(
      names = "--cursor-param",
      paramLabel = "NAME",
      description = "send the cursor as this query parameter (with --cursor)")
  String cursorParam;

  @Option(
      names = "--cursor",
      paramLabel = "POINTER",
      description = "JSON pointer of the next cursor (with --cursor-param)")
  String cursor;

  @Option(
      names = "--to",
      paramLabel = "FORMAT",
      description = "jsonl or csv (default: by the OUTPUT's extension, JSON Lines otherwise)")
  String to;

  @Mixin CsvOptions csv = new CsvOptions();

  @Option(names = "--header", paramLabel = "'K: V'", description = "a request header")
  List<String> headers = new ArrayList<>();

  @Option(names = "--max-pages", paramLabel = "N", description = "fetch at most N pages")
  long maxPages = -1;

  @Option(
      names = "--resume",
      description =
          "commit each page as it arrives; rerunning the same command with --resume continues"
              + " after the last committed page")
  boolean resume;

  @Override
  public Integer call() throws Exception {
    RestSettings.Builder settings = RestSettings.builder();
    try {
      settings.items(items).pagination(pagination());
      if (maxPages != -1) {
        settings.maxPages(maxPages);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new UsageException("--header needs 'K: V', was " + header);
      }
      settings.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    URI first = parse(url);
    boolean stdout = output.equals("-");
    if (resume && stdout) {
      throw new UsageException("--resume needs an OUTPUT file, not -");
    }
    if (resume && maxPages != -1) {
      throw new UsageException("--resume cannot be combined with --max-pages");
    }
    Path file = stdout ? null : Path.of(output).toAbsolutePath();
    PartFile.Saved saved = stdout ? null : Leftovers.check(file, resume, "fetch --resume");
    boolean toCsv =
        to != null ? Format.ofOption(to) == Format.CSV : Format.ofName(output) == Format.CSV;
    long written;
    String name;
    if (resume) {
      // each page committed with the position after it; a rerun refetches no written page
      ResumableWrite write =
          ResumableWrite.of(file, fingerprint(first) + (toCsv ? " to=csv " + csv.settings() : ""))
              .chunkAt(Rest::endsPage);
      Resumable<JsonNode> items = Rest.resumable(first, settings.build());
      if (toCsv) {
        // the items as rows; a resumed part keeps the header its first run wrote
        List<String> header =
            saved != null && saved.bytes() > 0
                ? RowFile.csv(PartFile.part(file), dev.sluice.io.CsvSettings.defaults())
                    .firstColumns()
                : null;
        written =
            write.write(
                after ->
                    items.after(after).via(Positioned.lift(JsonLines.toRows(first.toString()))),
                saved,
                (out, resumed) ->
                    header == null
                        ? Csv.rowEncoder(out, csv.settings())
                        : Csv.rowEncoder(out, csv.settings(), header, false));
      } else {
        ObjectMapper mapper = new ObjectMapper();
        written = write.write(items, saved, (out, resumed) -> JsonLines.encoder(out, mapper));
      }
      name = output + (saved != null ? " (resumed)" : "");
    } else {
      Output out = stdout ? Output.stdout() : Output.file(file);
      written =
          toCsv
              ? Rest.items(first, settings.build())
                  .via(JsonLines.toRows(first.toString()))
                  .into(out.sink(os -> Csv.rowEncoder(os, csv.settings())))
              : Rest.items(first, settings.build()).into(JsonLines.sink(out));
      name = out.name();
    }
    System.err.println("sluice: fetched " + written + " items into " + name);
    return Main.OK;
  }

  /** What a resumed fetch must share with the run it continues; header values only hashed. */
  private String fingerprint(URI first) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String header : headers) {
      sha.update((header + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return String.join(
        " ",
        "fetch url=" + first,
        "items=" + items,
        "next=" + next,
        "cursor-param=" + cursorParam,
        "cursor=" + cursor,
        "headers=" + headers.size() + ":" + HexFormat.of().formatHex(sha.digest(), 0, 8));
  }

  private Pagination pagination() {
    if ((cursorParam == null) != (cursor == null)) {
      throw new UsageException("--cursor-param and --cursor go together");
    }
    if (cursor != null) {
      return Pagination.cursor(cursorParam, cursor);
    }
    return next.equals("link") ? Pagination.linkHeader() : Pagination.nextLink(next);
  }

  static URI parse(String url) {
    try {
      URI uri = URI.create(url);
      if (!uri.isAbsolute()
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new UsageException("URL must be an http or https URL, was " + url);
    }
  }
}
