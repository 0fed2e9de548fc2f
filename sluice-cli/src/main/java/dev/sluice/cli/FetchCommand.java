package dev.sluice.cli;

import dev.sluice.http.Pagination;
import dev.sluice.http.RestExport;
import dev.sluice.http.RestSettings;
import dev.sluice.io.FileFormat;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
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
    boolean stdout = output.equals("-");
    if (resume && (stdout || maxPages != -1)) {
      throw new UsageException(
          stdout
              ? "--resume needs an OUTPUT file, not -"
              : "--resume cannot be combined with --max-pages");
    }
    if ((cursorParam == null) != (cursor == null)) {
      throw new UsageException("--cursor-param and --cursor go together");
    }
    URI first = parse(url);
    RestExport export;
    try {
      RestSettings.Builder settings = RestSettings.builder().items(items).maxPages(maxPages);
      settings.pagination(
          cursor != null
              ? Pagination.cursor(cursorParam, cursor)
              : next.equals("link") ? Pagination.linkHeader() : Pagination.nextLink(next));
      headers.forEach(settings::header);
      boolean toCsv =
          (to != null ? FileFormat.named(to) : FileFormat.ofName(output).orElse(null))
              == FileFormat.CSV;
      export =
          toCsv
              ? RestExport.csv(first, settings.build(), csv.settings())
              : RestExport.jsonLines(first, settings.build());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path file = stdout ? null : Path.of(output).toAbsolutePath();
    PartFile.Saved saved = stdout ? null : Leftovers.check(file, resume, "fetch --resume");
    Output out = stdout ? Output.stdout() : Output.file(file);
    long written = resume ? export.resume(file, saved) : export.into(out);
    String name = resume ? output + (saved != null ? " (resumed)" : "") : out.name();
    System.err.println("sluice: fetched " + written + " items into " + name);
    return Main.OK;
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
