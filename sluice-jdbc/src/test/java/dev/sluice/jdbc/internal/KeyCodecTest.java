package dev.sluice.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.jdbc.JdbcException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyCodecTest {
  @Test
  void roundTripsEverySupportedTypeIncludingSeparatorsInStrings() {
    List<Object> values =
        List.of(
            1,
            2L,
            new BigDecimal("3.50"),
            "a,b:c%d é",
            UUID.randomUUID(),
            LocalDate.of(2024, 2, 29),
            LocalDateTime.of(2024, 1, 1, 12, 0, 0, 5),
            OffsetDateTime.parse("2024-01-01T00:00+02:00"),
            java.time.LocalTime.of(23, 59, 58, 123_000_000));
    List<String> columns = values.stream().map(v -> "c").toList();
    String position = KeyCodec.encode(columns, values);
    assertThat(KeyCodec.decode(position, values.size())).isEqualTo(values);
  }

  @Test
  void normalizesDriverTypes() {
    String position =
        KeyCodec.encode(
            List.of("s", "ts"),
            List.of((short) 7, java.sql.Timestamp.valueOf("2024-01-02 03:04:05")));
    assertThat(KeyCodec.decode(position, 2))
        .containsExactly(7, LocalDateTime.of(2024, 1, 2, 3, 4, 5));
  }

  @Test
  void rejectsUnsupportedTypesNamingTheColumn() {
    assertThatThrownBy(() -> KeyCodec.encode(List.of("blob"), List.of(new byte[1])))
        .isInstanceOf(JdbcException.class)
        .hasMessageContaining("key column 'blob'");
  }

  @Test
  void rejectsForeignPositionsQuotingThem() {
    for (String bad : List.of("l:1", "x:1,l:2", "l1,l:2", "l:one,l:2")) {
      assertThatThrownBy(() -> KeyCodec.decode(bad, 2))
          .isInstanceOf(JdbcException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }
}
