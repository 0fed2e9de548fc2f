package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Columns;
import dev.sluice.io.internal.CsvBoundaries;
import dev.sluice.io.internal.CsvChunkStream;
import dev.sluice.io.internal.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the byte path to the full one ({@link CsvChunkParser} over a {@link CsvChunkStream}, the
 * rules' stage and the JSON row encoder): for chunks cut at every kind of place in seeded random
 * CSV, the bytes, end, rows and line counts are the same, or the byte path declines.
 */
class ByteJsonChunksTest {
  /** Clean pieces: quoting, line ends in quotes, JSON escapes, 1-4 byte UTF-8, at signs. */
  private static final String[] PIECES = {
    "a", "bc", "x y", ",", "\"", "\n", "\r\n", "\r", "é", "中文", "😀", "@ex.org", "@", "\\", "\t",
    "\u0001", "\u001f", "\u007f", "\u2028", "\uFEFF", "=1", "-", ""
  };

  private static final RowRules[] RULES = {
    RowRules.none(),
    RowRules.none().mask("email"),
    RowRules.none().mask("email", "note").hash("name"),
    RowRules.none().hash("email").withHashKey("k".getBytes(StandardCharsets.UTF_8)),
    RowRules.none().select("note", "id", "email").rename("id", "key").mask("email"),
    RowRules.none().select("id").rename("id", "i\"d é"),
  };

  @TempDir Path dir;

  /** A CSV text of four columns, quoted where needed and now and then anyway, LF or CRLF. */
  static String randomCsv(Random random, int records, String[] pieces) {
    StringBuilder sb = new StringBuilder();
    String end = random.nextBoolean() ? "\n" : "\r\n";
    sb.append("id,name,email,note").append(end);
    for (int r = 0; r < records; r++) {
      sb.append(r);
      for (int f = 0; f < 3; f++) {
        sb.append(',');
        StringBuilder field = new StringBuilder();
        int n = random.nextInt(6);
        for (int k = 0; k < n; k++) {
          field.append(pieces[random.nextInt(pieces.length)]);
        }
        String text = f == 1 && random.nextBoolean() ? "u" + r + "@ex.org" + field : field + "";
        boolean quote = random.nextInt(3) == 0 || text.matches("(?s).*[,\"\r\n].*");
        sb.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
      }
      sb.append(random.nextInt(15) == 0 ? end + end : end); // now and then an empty line
    }
    if (random.nextBoolean()) {
      sb.setLength(sb.length() - end.length()); // no line end after the last record
    }
    return sb.toString();
  }

  /** What one path made of one chunk: its bytes, end and counts, or null where it declined. */
  private record Result(String bytes, long end, CsvChunkParser.Done done) {}

  /**
   * Runs over the chunks of {@code file} (cut at random lengths), both ways; returns how many
   * chunks the byte path took and how many there were.
   */
  private int[] compare(Path file, CsvSettings settings, RowRules rules, Random random)
      throws Exception {
    byte[] all = Files.readAllBytes(file);
    int headerEnd = indexOf(all, (byte) '\n') + 1;
    CsvChunkParser.Header header =
        CsvChunkParser.header(Arrays.copyOf(all, headerEnd), settings, "in.csv");
    RowRules strict = rules.withStrictColumns(true);
    ByteJsonChunks bytes = ByteJsonChunks.of(settings, header.columns(), strict);
    assertThat(bytes).as("byte path for %s", rules).isNotNull();
    CsvChunkParser parser =
        new CsvChunkParser(
            "in.csv", settings, header, strict.stage("in.csv"), JsonCodec::rowEncoder);
    int taken = 0;
    int chunks = 0;
    try (FileChannel channel = FileChannel.open(file)) {
      long start = headerEnd;
      while (start < all.length) {
        long lookFrom = start + random.nextInt(random.nextBoolean() ? 8 : 400);
        Result full = full(parser, channel, start, all.length, lookFrom);
        ChunkBytes out = new ChunkBytes(16);
        ByteJsonChunks.Chunk chunk =
            bytes.encode(channel, start, all.length, lookFrom, Long.MAX_VALUE, out);
        chunks++;
        if (chunk != null) {
          taken++;
          assertThat(new Result(out.toString(StandardCharsets.UTF_8), chunk.end(), chunk.done()))
              .as(
                  "chunk at %d looking from %d: %s",
                  start,
                  lookFrom,
                  new String(
                          all,
                          (int) start,
                          (int) (full == null ? all.length : full.end()) - (int) start,
                          StandardCharsets.UTF_8)
                      .replace("\r", "\\r")
                      .replace("\n", "\\n\n"))
              .isEqualTo(full);
        }
        if (full == null) {
          break; // bad input from here on
        }
        start = full.end();
      }
    }
    return new int[] {taken, chunks};
  }

  private static Result full(
      CsvChunkParser parser, FileChannel channel, long start, long size, long lookFrom) {
    CsvChunkStream in =
        new CsvChunkStream(
            channel, start, size, lookFrom, Long.MAX_VALUE, new CsvBoundaries(',', '"'));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CsvChunkParser.Done done = parser.parse(in, start, 0, 0, out, null, Long.MAX_VALUE);
      return new Result(out.toString(StandardCharsets.UTF_8), in.position(), done);
    } catch (Exception e) {
      return null;
    }
  }

  private static int indexOf(byte[] b, byte x) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void writesWhatTheFullPathWritesForEveryChunkOfCleanCsv() throws Exception {
    Random random = new Random(14);
    for (int round = 0; round < 60; round++) {
      String text = randomCsv(random, 1 + random.nextInt(60), PIECES);
      Path file = Files.writeString(dir.resolve("in.csv"), text);
      RowRules rules = RULES[round % RULES.length];
      int[] chunks = compare(file, CsvSettings.defaults(), rules, random);
      assertThat(chunks[0]).as("round %d: chunks the byte path took", round).isEqualTo(chunks[1]);
    }
  }

  @Test
  void readsUsAsciiAsTheDecoderDoes() throws Exception {
    Random random = new Random(15);
    String[] ascii = {"a", ",", "\"", "\n", "\r\n", "@", "\\", "\u0001", ""};
    CsvSettings settings = CsvSettings.defaults().withCharset(StandardCharsets.US_ASCII);
    for (int round = 0; round < 20; round++) {
      Path file = Files.writeString(dir.resolve("in.csv"), randomCsv(random, 30, ascii));
      int[] chunks = compare(file, settings, RULES[round % RULES.length], random);
      assertThat(chunks[0]).as("round %d", round).isEqualTo(chunks[1]);
    }
    Path file = Files.writeString(dir.resolve("in.csv"), "id,name,email,note\n1,é,c,d\n");
    assertThat(compare(file, settings, RowRules.none(), random)[0]).isZero();
  }

  @Test
  void declinesWhatItDoesNotDoAndAgreesOnTheRest() throws Exception {
    Random random = new Random(16);
    byte[][] odd = {
      {'a', '"', 'b'}, // a quote inside an unquoted field
      {'"', 'a', '"', 'b'}, // text after a closing quote
      {'\r'}, // a lone CR outside quotes
      {(byte) 0xC3}, // a cut sequence
      {(byte) 0x80}, // a stray continuation byte
      {(byte) 0xC0, (byte) 0xAF}, // an overlong form
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
      {',', 'x'}, // a record too wide
    };
    for (int round = 0; round < 90; round++) {
      byte[] text = randomCsv(random, 20, PIECES).getBytes(StandardCharsets.UTF_8);
      int at = indexOf(text, (byte) '\n') + 1 + random.nextInt(text.length / 2);
      while (at < text.length && text[at - 1] != '\n') {
        at++; // the start of a line: maybe in a quoted field, mostly a record's
      }
      byte[] bad = odd[round % odd.length];
      byte[] file = new byte[text.length + bad.length + 1];
      System.arraycopy(text, 0, file, 0, at);
      file[at] = 'z';
      System.arraycopy(bad, 0, file, at + 1, bad.length);
      System.arraycopy(text, at, file, at + 1 + bad.length, text.length - at);
      Path path = Files.write(dir.resolve("in.csv"), file);
      boolean undecodable = round % odd.length >= 3 && round % odd.length <= 7;
      for (MalformedInput m : MalformedInput.values()) {
        CsvSettings settings = CsvSettings.defaults().withMalformed(m);
        int[] chunks = compare(path, settings, RULES[round % RULES.length], random);
        if (undecodable) {
          assertThat(chunks[0]).as("round %d %s", round, m).isLessThan(chunks[1]);
        }
      }
    }
  }

  @Test
  void isNotMadeForSettingsOrRulesItDoesNotDo() {
    Columns columns = Columns.of("id", "email");
    CsvSettings csv = CsvSettings.defaults();
    assertThat(ByteJsonChunks.of(csv, columns, RowRules.none())).isNotNull();
    assertThat(ByteJsonChunks.of(csv.withLenient(true), columns, RowRules.none())).isNull();
    assertThat(
            ByteJsonChunks.of(
                csv.withCharset(StandardCharsets.ISO_8859_1), columns, RowRules.none()))
        .isNull();
    assertThat(ByteJsonChunks.of(csv.withFieldSeparator('§'), columns, RowRules.none())).isNull();
    assertThat(ByteJsonChunks.of(csv, Columns.of("id"), RowRules.none())).isNull();
    assertThat(ByteJsonChunks.of(csv, columns, RowRules.none().withInfer(true))).isNull();
    assertThat(ByteJsonChunks.of(csv, columns, RowRules.none().where(Condition.parse("id=1"))))
        .isNull();
    assertThat(ByteJsonChunks.of(csv, columns, RowRules.none().mask("email", "email"))).isNull();
    assertThat(ByteJsonChunks.of(csv, columns, RowRules.none().mask("email").hash("email")))
        .isNull();
    assertThat(
            ByteJsonChunks.of(csv, columns, RowRules.none().mask("nope").withStrictColumns(true)))
        .isNull();
    assertThat(ByteJsonChunks.of(csv, columns, RowRules.none().rename("id", "email"))).isNull();
  }

  @Test
  void stopsAtTheOverrunLimit() throws Exception {
    String text = "id,note\n1,\"" + "x\n".repeat(50_000) + "\"\n2,y\n";
    Path file = Files.writeString(dir.resolve("in.csv"), text);
    CsvChunkParser.Header header =
        CsvChunkParser.header(
            "id,note\n".getBytes(StandardCharsets.UTF_8), CsvSettings.defaults(), "in.csv");
    ByteJsonChunks bytes =
        ByteJsonChunks.of(CsvSettings.defaults(), header.columns(), RowRules.none());
    try (FileChannel channel = FileChannel.open(file)) {
      assertThat(bytes.encode(channel, 8, text.length(), 9, 100, new ChunkBytes(16))).isNull();
      assertThat(bytes.encode(channel, 8, text.length(), 9, 1 << 20, new ChunkBytes(16)))
          .isNotNull();
    }
  }
}
