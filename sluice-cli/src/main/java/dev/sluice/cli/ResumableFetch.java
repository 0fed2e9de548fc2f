package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.Resumable;
import dev.sluice.io.JsonLines;
import dev.sluice.io.PartFile;
import dev.sluice.io.ResumableWrite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code sluice fetch --resume}: the items go to the output through a {@link ResumableWrite} one
 * page at a time, each page committed (fsynced) with the REST source's position after it, the
 * cursor of the next page. A rerun continues from the last committed page, so the finished file is
 * byte for byte that of an uninterrupted run (with gzip, one member per page), as long as the API
 * serves the same pages. Holds one page.
 */
final class ResumableFetch {
  private ResumableFetch() {}

  /**
   * Fetches every item of {@code source} into {@code output}, continuing after {@code saved} if not
   * null; returns the items in the finished file.
   */
  static long toFile(
      Resumable<JsonNode> source, Path output, String fingerprint, PartFile.Saved saved)
      throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    return ResumableWrite.of(output, fingerprint)
        .chunkAt(ResumableFetch::endsPage)
        .write(source, saved, (out, resumed) -> JsonLines.encoder(out, mapper));
  }

  /** Whether a REST source's position is that after a page's last item ("0 next" or "end"). */
  static boolean endsPage(String position) {
    return position.equals("end") || position.startsWith("0 ");
  }

  /** What a resumed fetch must share with the run it continues; header values only hashed. */
  static String fingerprint(List<String> options, List<String> headers) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String header : headers) {
      sha.update((header + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return "fetch "
        + String.join(" ", options)
        + " headers="
        + headers.size()
        + ":"
        + HexFormat.of().formatHex(sha.digest(), 0, 8);
  }
}
