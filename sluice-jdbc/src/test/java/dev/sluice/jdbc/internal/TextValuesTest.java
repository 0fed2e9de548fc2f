package dev.sluice.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TextValues}: the hand-read dates and timestamps agree with java.time's parser. */
class TextValuesTest {
  @Test
  void readsTimestampsAsTheIsoParserDoes() {
    for (String text :
        List.of(
            "2024-01-01T00:00",
            "2024-01-01 00:00:01",
            "1999-12-31T23:59:59.5",
            "2024-02-29T12:30:00.123456789",
            "0001-01-01T00:00:00.000001",
            " 2024-06-01T12:30:00.12 ",
            "+10000-01-01T00:00")) {
      assertThat(TextValues.parse(text, Types.TIMESTAMP))
          .as(text)
          .isEqualTo(LocalDateTime.parse(text.trim().replace(' ', 'T')));
    }
    for (String text : List.of("2024-01-01", "0000-12-31", "2024-02-29")) {
      assertThat(TextValues.parse(text, Types.DATE)).isEqualTo(LocalDate.parse(text));
    }
  }

  @Test
  void refusesWhatTheParserRefusesWithItsMessage() {
    for (String text :
        List.of(
            "2023-02-29T00:00",
            "2024-01-01T24:00",
            "2024-01-01T00:00:60",
            "2024-01-01T00:00.5",
            "2024-01-01T00:00:00.1234567890",
            "2024-13-01T00:00")) {
      assertThatThrownBy(() -> TextValues.parse(text, Types.TIMESTAMP))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot read '" + text + "' as TIMESTAMP");
    }
    assertThatThrownBy(() -> TextValues.parse("2023-02-29", Types.DATE))
        .hasMessageContaining("cannot read '2023-02-29' as DATE")
        .hasMessageContaining("Invalid date");
  }

  @Test
  void passesThroughOnlyPlainTextThatParses() {
    for (String text : List.of("0", "-0", "007", "-123456789")) {
      assertThat(TextValues.passesThrough(text, Types.INTEGER)).as(text).isTrue();
    }
    for (String text : List.of("", "-", "+5", " 1", "1 ", "1234567890", "1.0", "1e3", "--1")) {
      assertThat(TextValues.passesThrough(text, Types.INTEGER)).as(text).isFalse();
    }
    assertThat(TextValues.passesThrough("123456789012345678", Types.BIGINT)).isTrue();
    assertThat(TextValues.passesThrough("1234567890123456789", Types.BIGINT)).isFalse();
    for (String text : List.of("1", "-1.50", "00012.3", "0.000")) {
      assertThat(TextValues.passesThrough(text, Types.NUMERIC)).as(text).isTrue();
    }
    for (String text : List.of("1.", ".5", "-.5", "1e3", "1.2.3", "NaN", " 1", "1".repeat(101))) {
      assertThat(TextValues.passesThrough(text, Types.NUMERIC)).as(text).isFalse();
    }
    for (String text : List.of("2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31")) {
      assertThat(TextValues.passesThrough(text, Types.DATE)).as(text).isTrue();
    }
    for (String text :
        List.of("2023-02-29", "1900-02-29", "2024-04-31", "2024-00-01", " 2024-01-01")) {
      assertThat(TextValues.passesThrough(text, Types.DATE)).as(text).isFalse();
    }
    for (String text :
        List.of(
            "2024-01-01T00:00",
            "2024-01-01 23:59:59",
            "2024-01-01T00:00:00.1",
            "2024-01-01T00:00:00.123456789")) {
      assertThat(TextValues.passesThrough(text, Types.TIMESTAMP)).as(text).isTrue();
    }
    for (String text :
        List.of(
            "2024-01-01T24:00",
            "2024-01-01T00:60",
            "2024-01-01T00:00:60",
            "2024-01-01T00:00:00.",
            "2024-01-01T00:00:00.1234567890",
            "2024-01-01T00:00Z",
            "2024-01-01")) {
      assertThat(TextValues.passesThrough(text, Types.TIMESTAMP)).as(text).isFalse();
    }
    assertThat(TextValues.passesThrough("1", Types.BOOLEAN)).isFalse();
    assertThat(TextValues.passesThrough("x", Types.VARCHAR)).isFalse();
  }

  @Test
  void everyTextThatPassesThroughParsesAndRendersAsTheSameValue() {
    java.util.Random random = new java.util.Random(14);
    String alphabet = "0123456789-.: T";
    int[] types = {Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DATE, Types.TIMESTAMP};
    String[] seeds = {"12", "-3.25", "2024-02-29", "2024-02-29T23:59:59.123"};
    int passed = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      for (int edits = random.nextInt(3); edits > 0; edits--) {
        int at = random.nextInt(text.length());
        text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }
      for (int type : types) {
        String t = text.toString();
        if (TextValues.passesThrough(t, type)) {
          passed++;
          Object value = TextValues.parse(t, type);
          assertThat(value).as(t).isNotNull();
          if (type == Types.DATE) {
            assertThat(value.toString()).isEqualTo(t);
          } else if (type == Types.TIMESTAMP) {
            assertThat(value).isEqualTo(TextValues.parse(value.toString(), type));
          } else {
            assertThat(new java.math.BigDecimal(t)).isEqualByComparingTo(value.toString());
          }
        }
      }
    }
    assertThat(passed).isGreaterThan(10_000);
  }
}
