package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowTest {
  private final Columns columns = Columns.of("id", "email", "score");

  @Test
  void readsValuesByIndexAndByName() {
    Row row = Row.of(columns, 7L, "a@example.com", null);
    assertThat(row.size()).isEqualTo(3);
    assertThat(row.get(0)).isEqualTo(7L);
    assertThat(row.get("email")).isEqualTo("a@example.com");
    assertThat(row.get("score")).isNull();
    assertThat(row.text(0)).isEqualTo("7");
    assertThat(row.text("score")).isNull();
    assertThat(row.names()).containsExactly("id", "email", "score");
    assertThat(row.values()).containsExactly(7L, "a@example.com", null);
  }

  @Test
  void anUnknownNameIsAnErrorNamingTheColumns() {
    Row row = Row.of(columns, 7L, "a", null);
    assertThatThrownBy(() -> row.get("mail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no column mail in [id, email, score]");
  }

  @Test
  void withMakesAChangedCopyAndKeepsTheLine() {
    Row row = Row.of(12, columns, 7L, "a", null);
    Row changed = row.with("email", "***");
    assertThat(changed.get(1)).isEqualTo("***");
    assertThat(row.get(1)).isEqualTo("a");
    assertThat(changed.line()).isEqualTo(12);
    assertThat(changed.columns()).isSameAs(columns);
  }

  @Test
  void theValuesArrayIsCopied() {
    Object[] values = {1L, "a", null};
    Row row = Row.of(columns, values);
    values[1] = "changed";
    assertThat(row.get(1)).isEqualTo("a");
  }

  @Test
  void aWrongNumberOfValuesIsRefused() {
    assertThatThrownBy(() -> Row.of(columns, 1L, "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 values for 3 columns [id, email, score]");
  }

  @Test
  void rowsWithEqualNamesAndValuesAreEqualBinaryByContent() {
    Row a = Row.of(Columns.of("k", "b"), "x", new byte[] {1, 2});
    Row b = Row.of(Columns.of("k", "b"), "x", new byte[] {1, 2});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Row.of(Columns.of("k", "c"), "x", new byte[] {1, 2}));
    assertThat(a).isNotEqualTo(Row.of(Columns.of("k", "b"), "x", new byte[] {1, 3}));
  }

  @Test
  void aMapBecomesARowInItsOrder() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", 2);
    map.put("a", null);
    Row row = Row.of(map);
    assertThat(row.names()).containsExactly("b", "a");
    assertThat(row.toMap()).isEqualTo(map);
  }

  @ParameterizedTest
  @CsvSource({
    "1000, 1000",
    "1E+3, 1000",
    "0.00100, 0.00100",
    "1E-3, 0.001",
    "1E+1000, 1E+1000",
    "1E-1000, 1E-1000",
    "-2.5, -2.5"
  })
  void decimalsArePlainUnlessTheirDigitsAndScalePass1000(String decimal, String text) {
    assertThat(Row.textOf(new BigDecimal(decimal))).isEqualTo(text);
  }

  @Test
  void aDecimalOfAThousandDigitsIsStillPlain() {
    assertThat(Row.textOf(new BigDecimal("1E+998"))).hasSize(999).startsWith("10").endsWith("00");
  }

  @Test
  void otherValuesRenderOneWay() {
    assertThat(Row.textOf(null)).isNull();
    assertThat(Row.textOf("")).isEmpty();
    assertThat(Row.textOf(Boolean.TRUE)).isEqualTo("true");
    assertThat(Row.textOf(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
    assertThat(Row.textOf(new byte[] {(byte) 0xde, (byte) 0xad})).isEqualTo("3q0=");
    assertThat(Row.textOf(LocalDateTime.of(2024, 3, 31, 2, 30))).isEqualTo("2024-03-31T02:30");
    assertThat(Row.textOf(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)))
        .isEqualTo("2024-01-02T03:04:05Z");
  }
}
