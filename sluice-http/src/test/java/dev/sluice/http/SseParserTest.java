package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.http.internal.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseParserTest {
  /** Every rule in one stream: BOM, the three line ends, comments, fields, ids, retry, EOF. */
  static final String STREAM =
      "\uFEFFdata: first\r\n\r\n"
          + ": a comment\n"
          + "event: add\rdata:no space\rdata:  two spaces\r\r"
          + "id: 7\ndata\n\n"
          + "id: bad\0id\ndata: keeps 7\n\n"
          + "retry: 1500\nretry: 12x\ndata: é ü 漢\r\n\r\n"
          + "data: ends with LF\ndata:\n\n"
          + "event: ignored\n\n"
          + "id\ndata: id cleared\n\n"
          + "unknown: field\ndata: x\n\n"
          + "data: partial at EOF\n";

  static final List<ServerSentEvent> EXPECTED =
      List.of(
          new ServerSentEvent("", "message", "first"),
          new ServerSentEvent("", "add", "no space\n two spaces"),
          new ServerSentEvent("7", "message", ""),
          new ServerSentEvent("7", "message", "keeps 7"),
          new ServerSentEvent("7", "message", "é ü 漢"),
          new ServerSentEvent("7", "message", "ends with LF\n"),
          new ServerSentEvent("", "message", "id cleared"),
          new ServerSentEvent("", "message", "x"));

  static final byte[] BYTES = STREAM.getBytes(StandardCharsets.UTF_8);

  static List<ServerSentEvent> parse(byte[] bytes, int... cuts) {
    SseParser parser = new SseParser(1024, 1024, "test");
    List<ServerSentEvent> events = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      parser.feed(bytes, from, cut - from, events::add);
      from = cut;
    }
    parser.feed(bytes, from, bytes.length - from, events::add);
    return events;
  }

  @Test
  void parsesEveryRuleInOneChunk() {
    assertThat(parse(BYTES)).containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void givesTheSameEventsForACutAtEveryPosition() {
    for (int cut = 0; cut <= BYTES.length; cut++) {
      assertThat(parse(BYTES, cut)).as("cut at %d", cut).containsExactlyElementsOf(EXPECTED);
    }
  }

  @Test
  void givesTheSameEventsOneByteAtATime() {
    assertThat(parse(BYTES, IntStream.range(1, BYTES.length).toArray()))
        .containsExactlyElementsOf(EXPECTED);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234, 99999})
  void givesTheSameEventsForRandomMultiCuts(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      TreeSet<Integer> cuts = new TreeSet<>();
      int n = 1 + random.nextInt(20);
      for (int i = 0; i < n; i++) {
        cuts.add(random.nextInt(BYTES.length + 1));
      }
      int[] array = cuts.stream().mapToInt(Integer::intValue).toArray();
      assertThat(parse(BYTES, array)).as("cuts %s", cuts).containsExactlyElementsOf(EXPECTED);
    }
  }

  /**
   * A seeded random stream (random line ends, comments, ids, event types, retry lines, data lines
   * with and without the space, a BOM, a partial event at the end) and the events a model of the
   * rules expects from it, independent of the parser.
   */
  record Generated(byte[] bytes, List<ServerSentEvent> events) {}

  static Generated generate(long seed) {
    Random random = new Random(seed);
    String[] ends = {"\n", "\r", "\r\n"};
    String[] words = {"a", "é", "漢", ": x", " lead", "data", "", "tail ", "😀"};
    StringBuilder stream = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
    List<ServerSentEvent> events = new ArrayList<>();
    String lastId = "";
    for (int e = 0, n = 5 + random.nextInt(20); e <= n; e++) {
      String end = ends[random.nextInt(ends.length)];
      if (random.nextInt(4) == 0) {
        stream.append(": comment ").append(e).append(ends[random.nextInt(ends.length)]);
      }
      String type = random.nextBoolean() ? "" : "type" + random.nextInt(3);
      if (!type.isEmpty()) {
        stream.append("event: ").append(type).append(end);
      }
      if (random.nextInt(3) == 0) {
        lastId = Integer.toString(random.nextInt(1000));
        stream.append("id: ").append(lastId).append(end);
      }
      if (random.nextInt(5) == 0) {
        stream.append("retry: ").append(random.nextInt(5000)).append(end);
      }
      List<String> lines = new ArrayList<>();
      for (int d = 0, lineCount = 1 + random.nextInt(3); d < lineCount; d++) {
        String value = words[random.nextInt(words.length)] + words[random.nextInt(words.length)];
        lines.add(value);
        boolean space = value.startsWith(" ") || random.nextBoolean();
        stream.append(space ? "data: " : "data:").append(value).append(end);
      }
      if (e == n) {
        break; // the last event has no blank line: dropped at the end of the stream
      }
      // the blank line: after a CR, a lone LF would make one CRLF line end with it
      stream.append(end.equals("\r") ? ends[1 + random.nextInt(2)] : ends[random.nextInt(3)]);
      events.add(
          new ServerSentEvent(lastId, type.isEmpty() ? "message" : type, String.join("\n", lines)));
    }
    return new Generated(stream.toString().getBytes(StandardCharsets.UTF_8), events);
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 11, 2026, 31337, 424242})
  void givesTheModelsEventsForASeededRandomStreamCutAtEveryPosition(long seed) {
    Generated stream = generate(seed);
    byte[] bytes = stream.bytes();
    assertThat(parse(bytes)).containsExactlyElementsOf(stream.events());
    for (int cut = 0; cut <= bytes.length; cut++) {
      assertThat(parse(bytes, cut))
          .as("seed %d, cut at %d", seed, cut)
          .containsExactlyElementsOf(stream.events());
    }
    assertThat(parse(bytes, IntStream.range(1, bytes.length).toArray()))
        .as("seed %d, one byte at a time", seed)
        .containsExactlyElementsOf(stream.events());
  }

  @Test
  void takesRetryOnlyWhenAllDigits() {
    SseParser parser = new SseParser(1024, 1024, "test");
    byte[] bytes =
        "retry: 1500\nretry: 12x\nretry:\nretry: -3\n\n".getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length, e -> {});
    assertThat(parser.retryMillis()).isEqualTo(1500);
  }

  @Test
  void stripsOnlyOneLeadingBom() {
    byte[] bytes = "\uFEFF\uFEFFdata: x\n\n".getBytes(StandardCharsets.UTF_8);
    assertThat(parse(bytes)).isEmpty();
    byte[] second = "data: a\n\n\uFEFFdata: b\n\n".getBytes(StandardCharsets.UTF_8);
    assertThat(parse(second)).containsExactly(ServerSentEvent.message("a"));
  }

  @Test
  void treatsCrAtChunkEndFollowedByLfAsOneLineEnd() {
    byte[] bytes = "data: a\r\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(parse(bytes, 8)).containsExactly(ServerSentEvent.message("a\nb"));
    assertThat(parse(bytes, 8, 17, 18)).containsExactly(ServerSentEvent.message("a\nb"));
  }

  @Test
  void resetDropsThePartialEventAndKeepsTheLastId() {
    SseParser parser = new SseParser(1024, 1024, "test");
    List<ServerSentEvent> events = new ArrayList<>();
    byte[] first = "id: 3\ndata: a\n\nevent: x\ndata: half".getBytes(StandardCharsets.UTF_8);
    parser.feed(first, 0, first.length, events::add);
    parser.reset();
    byte[] second = "data: b\n\n".getBytes(StandardCharsets.UTF_8);
    parser.feed(second, 0, second.length, events::add);
    assertThat(events)
        .containsExactly(
            new ServerSentEvent("3", "message", "a"), new ServerSentEvent("3", "message", "b"));
    assertThat(parser.lastEventId()).isEqualTo("3");
  }

  @Test
  void failsALongLineNamingTheSetting() {
    SseParser parser = new SseParser(300, 1024, "http://x/feed");
    byte[] bytes = ("data: " + "x".repeat(400) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.feed(bytes, 0, bytes.length, e -> {}))
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("maxLineLength (300 bytes)")
        .hasMessageContaining("http://x/feed");
  }

  @Test
  void failsALargeEventNamingTheSetting() {
    SseParser parser = new SseParser(1024, 100, "http://x/feed");
    byte[] bytes = "data: 0123456789\n".repeat(10).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.feed(bytes, 0, bytes.length, e -> {}))
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("maxEventSize (100 chars)");
  }
}
