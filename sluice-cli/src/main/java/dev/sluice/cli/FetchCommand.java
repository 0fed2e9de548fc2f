package dev.sluice.cli;

import dev.sluice.http.Pagination;
import dev.sluice.http.Rest;
import dev.sluice.http.RestSettings;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice fetch}: the items of a paginated JSON API as JSON Lines. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches every page of a JSON API and writes its items as JSON Lines.",
      "Network errors, 429 and 5xx are retried (5 attempts a page, honouring Retry-After).",
      "The output file appears only if the run succeeds."
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

  @Option(names = "--header", paramLabel = "'K: V'", description = "a request header")
  List<String> headers = new ArrayList<>();

  @Option(names = "--max-pages", paramLabel = "N", description = "fetch at most N pages")
  long maxPages = -1;

  @Override
  public Integer call() {
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
    Output out = output.equals("-") ? Output.stdout() : Output.file(Path.of(output));
    long written = Rest.items(first, settings.build()).into(JsonLines.sink(out));
    System.err.println("sluice: fetched " + written + " items into " + out.name());
    return Main.OK;
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
