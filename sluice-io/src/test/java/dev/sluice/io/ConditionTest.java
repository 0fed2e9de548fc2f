package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "age>=18 | 18 | true",
        "age>=18 | 9 | false",
        "age>9 | 10 | true", // numbers compare as numbers, not as text
        "age<10 | 9.5 | true",
        "n=2.5 | 2.50 | true",
        "n!=2.5 | 2.50 | false",
        "s=active | active | true",
        "s!=active | gone | true",
        "s<b | a | true", // text compares as text
        "s>b | a | false",
        "zip=01234 | 1234 | true",
        "email~@example\\.com$ | a@example.com | true",
        "email~^b | a@example.com | false",
        "s= | '' | true",
      })
  void comparesAsNumbersWhenBothSidesAreNumbersElseAsText(
      String condition, String value, boolean expected) {
    assertThat(Condition.parse(condition).test(value)).isEqualTo(expected);
  }

  @Test
  void aMissingValueSatisfiesNothing() {
    assertThat(Condition.parse("a!=x").test(null)).isFalse();
    assertThat(Condition.parse("a=").test(null)).isFalse();
  }

  @Test
  void parsesTheColumnAndTheLongestOperator() {
    Condition c = Condition.parse("a<=b=c");
    assertThat(c.column()).isEqualTo("a");
    assertThat(c).hasToString("a<=b=c");
    assertThat(c.test("b=c")).isTrue();
  }

  @Test
  void rejectsTextWithoutAColumnOrAnOperatorOrABadRegex() {
    assertThatThrownBy(() -> Condition.parse("=x")).hasMessageContaining("COL=VALUE");
    assertThatThrownBy(() -> Condition.parse("plain")).hasMessageContaining("was plain");
    assertThatThrownBy(() -> Condition.parse("a~(")).hasMessageContaining("regular expression");
  }
}
