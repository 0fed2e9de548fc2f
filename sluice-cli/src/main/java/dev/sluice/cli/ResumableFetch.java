package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.io.ChunkEncoder;
import dev.sluice.io.JsonLines;
import dev.sluice.io.PartFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code sluice fetch --resume}: the items go to the output's {@link PartFile} one page at a time,
 * each page committed (fsynced) with the REST source's position after it, the cursor of the next
 * page. A rerun continues from the last committed page, so the finished file is byte for byte that
 * of an uninterrupted run (with gzip, one member per page), as long as the API serves the same
 * pages. Holds one page.
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
    if (saved != null && !Files.exists(PartFile.part(output)) && Files.exists(output)) {
      Files.delete(PartFile.pos(output)); // the crash came after the rename: it is done
      return saved.rows();
    }
    boolean fresh = saved == null || !Files.exists(PartFile.part(output));
    boolean gzip = output.getFileName().toString().endsWith(".gz");
    ObjectMapper mapper = new ObjectMapper();
    ChunkEncoder<Object> chunks = new ChunkEncoder<>(out -> JsonLines.encoder(out, mapper), gzip);
    try (PartFile part = PartFile.open(output, fingerprint, fresh ? null : saved)) {
      Optional<String> after =
          fresh || saved.position().isEmpty() ? Optional.empty() : Optional.of(saved.position());
      List<JsonNode> page = new ArrayList<>();
      source
          .after(after)
          .forEach(
              (Positioned<JsonNode> item) -> {
                page.add(item.item());
                if (endsPage(item.position())) {
                  part.append(chunks.encode(page), page.size(), item.position());
                  page.clear();
                }
              });
      if (!page.isEmpty()) {
        throw new IllegalStateException("the last page did not end: " + page.size() + " items");
      }
      part.complete();
      return part.rows();
    }
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
