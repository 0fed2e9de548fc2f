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
}
