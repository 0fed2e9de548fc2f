package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnsTest {
  @Test
  void findsNamesByIndexAndIndexesByName() {
    Columns columns = Columns.of("a", "b");
    assertThat(columns.size()).isEqualTo(2);
    assertThat(columns.name(1)).isEqualTo("b");
    assertThat(columns.indexOf("b")).isEqualTo(1);
    assertThat(columns.find("c")).isEqualTo(-1);
    assertThat(columns.contains("a")).isTrue();
    assertThatThrownBy(() -> columns.indexOf("c")).hasMessage("no column c in [a, b]");
  }

  @Test
  void aRepeatedNameFindsItsFirstColumn() {
    Columns columns = Columns.of("a", "b", "a");
    assertThat(columns.indexOf("a")).isZero();
    assertThat(columns.hasDuplicates()).isTrue();
    assertThat(Columns.of("a", "b").hasDuplicates()).isFalse();
  }

  @Test
  void columnsWithTheSameNamesAreEqual() {
    assertThat(Columns.of("a", "b")).isEqualTo(Columns.of("a", "b")).hasToString("[a, b]");
    assertThat(Columns.of("a", "b")).isNotEqualTo(Columns.of("b", "a"));
  }

  @Test
  void aNullNameIsRefused() {
    assertThatThrownBy(() -> Columns.of("a", null)).isInstanceOf(NullPointerException.class);
  }
}
