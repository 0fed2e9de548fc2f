package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.http.internal.SseParser;
import dev.sluice.http.internal.SseWire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's encoding of events: exact bytes, and what a WHATWG parser reads back. */
class SseWireTest {
  static String wire(ServerSentEvent event) {
    return new String(SseWire.encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void encodesIdEventAndOneDataLinePerLine() {
    assertThat(wire(new ServerSentEvent("7", "tick", "a\nb")))
        .isEqualTo("id: 7\nevent: tick\ndata: a\ndata: b\n\n");
    assertThat(wire(ServerSentEvent.message(""))).isEqualTo("data: \n\n");
    assertThat(wire(ServerSentEvent.message("\n"))).isEqualTo("data: \ndata: \n\n");
    assertThat(wire(ServerSentEvent.message("x\r\ny\rz")))
        .isEqualTo("data: x\ndata: y\ndata: z\n\n");
    assertThat(wire(new ServerSentEvent("é", "message", "ü\n€")))
        .isEqualTo("id: é\ndata: ü\ndata: €\n\n");
  }

  @Test
  void aMultiLineIdOrEventIsRefused() {
    assertThatThrownBy(() -> SseWire.encode(new ServerSentEvent("a\nb", "message", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event id must be one line");
    assertThatThrownBy(() -> SseWire.encode(new ServerSentEvent("", "a\rb", "")))
        .hasMessageContaining("event event must be one line");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void randomEventsReadBackAsSent(long seed) {
    Random random = new Random(seed);
    String alphabet = "ab \n\r:é€😀0";
    List<ServerSentEvent> sent = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String data = random(random, alphabet, random.nextInt(12));
      String type =
          random.nextInt(3) == 0 ? "message" : random(random, "xyzé", 1 + random.nextInt(4));
      sent.add(new ServerSentEvent("id" + random(random, "01é", random.nextInt(3)), type, data));
    }
    SseParser parser = new SseParser(1 << 16, 1 << 16, "test");
    List<ServerSentEvent> read = new ArrayList<>();
    for (ServerSentEvent event : sent) {
      byte[] bytes = SseWire.encode(event);
      parser.feed(bytes, 0, bytes.length, read::add);
    }
    assertThat(read).hasSize(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      ServerSentEvent event = sent.get(i);
      String lines = event.data().replace("\r\n", "\n").replace('\r', '\n');
      assertThat(read.get(i)).isEqualTo(new ServerSentEvent(event.id(), event.event(), lines));
    }
  }

  static String random(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder();
    int[] points = alphabet.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return out.toString();
  }
}
