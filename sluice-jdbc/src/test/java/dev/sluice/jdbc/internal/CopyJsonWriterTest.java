package dev.sluice.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.jdbc.internal.CopyJsonWriter.Shape;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The row writer's CSV to JSON Lines: shapes, escapes, long texts cut anywhere. */
class CopyJsonWriterTest {
  /** {@code csv} through the writer in seeded random cuts (and whole): the same bytes each way. */
  private static String json(String csv, List<Shape> shapes, List<String> names) throws Exception {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    String whole = null;
    for (int seed = 0; seed <= 12; seed++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Random random = new Random(seed);
      try (CopyJsonWriter writer = new CopyJsonWriter(out, shapes, names)) {
        for (int at = 0; at < bytes.length; ) {
          int n = seed == 0 ? bytes.length : Math.min(bytes.length - at, 1 + random.nextInt(9000));
          writer.write(bytes, at, n);
          at += n;
        }
      }
      String text = out.toString(StandardCharsets.UTF_8);
      if (whole == null) {
        whole = text;
      }
      assertThat(text).as("seed %s", seed).isEqualTo(whole);
    }
    return whole;
  }

  /** What Jackson's UTF-8 generator writes for a string: the escapes the row writer matches. */
  private static String jackson(String s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
      g.writeString(s);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesNumbersBareNullsAsNullAndOtherTextAsJacksonEscapesIt() throws Exception {
    List<Shape> shapes = List.of(Shape.BARE, Shape.NUMBER, Shape.STRING, Shape.BARE);
    List<String> names = List.of("id", "n \"q\"", "t", "b");
    String csv =
        "1,1.50,plain,true\n"
            + "-2,NaN,\"a,\"\"b\"\"\nc\",false\n"
            + ",,,\n"
            + "3,-Infinity,\"\",true\n"
            + "4,-0.0,\u0001\t\\ \u2028 \uD83D\uDE00 é,false\n";
    assertThat(json(csv, shapes, names))
        .isEqualTo(
            "{\"id\":1,\"n \\\"q\\\"\":1.50,\"t\":\"plain\",\"b\":true}\n"
                + "{\"id\":-2,\"n \\\"q\\\"\":\"NaN\",\"t\":"
                + jackson("a,\"b\"\nc")
                + ",\"b\":false}\n"
                + "{\"id\":null,\"n \\\"q\\\"\":null,\"t\":null,\"b\":null}\n"
                + "{\"id\":3,\"n \\\"q\\\"\":\"-Infinity\",\"t\":\"\",\"b\":true}\n"
                + "{\"id\":4,\"n \\\"q\\\"\":-0.0,\"t\":"
                + jackson("\u0001\t\\ \u2028 \uD83D\uDE00 é")
                + ",\"b\":false}\n");
  }

  @Test
  void escapesTextsLongerThanItsPieceCutBetweenCharacters() throws Exception {
    Random random = new Random(7);
    String[] parts = {"a", "é", "漢", "\uD83D\uDE00", "\"", "\n", ",", "\u0007"};
    StringBuilder text = new StringBuilder();
    while (text.length() < 40_000) {
      text.append(parts[random.nextInt(parts.length)]);
    }
    String value = text.toString();
    String csv = "\"" + value.replace("\"", "\"\"") + "\",1\n" + "x,2\n";
    assertThat(json(csv, List.of(Shape.STRING, Shape.BARE), List.of("t", "i")))
        .isEqualTo("{\"t\":" + jackson(value) + ",\"i\":1}\n{\"t\":\"x\",\"i\":2}\n");
  }
}
