package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Columns;
import dev.sluice.Pipe;
import dev.sluice.Row;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowRulesTest {
  private static final Columns USERS = Columns.of("id", "email", "status", "age");

  private static List<Row> users() {
    return List.of(
        Row.of(2, USERS, "1", "alice@example.com", "active", "34"),
        Row.of(3, USERS, "2", "bob@example.com", "gone", "9"),
        Row.of(4, USERS, "3", "", "active", "101"));
  }

  private static List<Row> apply(RowRules rules, List<Row> rows) {
    return Pipe.from(rows).via(rules.stage("users.csv")).toList();
  }

  @Test
  void noRulesPassEveryRowAsItIs() {
    List<Row> rows = users();
    assertThat(RowRules.none().isEmpty()).isTrue();
    List<Row> out = apply(RowRules.none(), rows);
    assertThat(out).hasSize(3);
    assertThat(out.get(0)).isSameAs(rows.get(0));
  }

  @Test
  void whereKeepsRowsWhereEveryConditionHoldsComparingNumbersAsNumbers() {
    RowRules rules =
        RowRules.none().where(Condition.parse("status=active"), Condition.parse("age>=18"));
    assertThat(apply(rules, users())).extracting(r -> r.get("id")).containsExactly("1", "3");
  }

  @Test
  void aNullOrAbsentValueSatisfiesNoCondition() {
    Columns two = Columns.of("id", "status");
    List<Row> rows = List.of(Row.of(two, 1L, null), Row.of(Columns.of("id"), 2L));
    assertThat(apply(RowRules.none().where(Condition.parse("status!=x")), rows)).isEmpty();
  }

  @Test
  void maskKeepsTheFirstCharacterAndTheDomainOfAnEmailAndLeavesEmptyAlone() {
    List<Row> out = apply(RowRules.none().mask("email"), users());
    assertThat(out)
        .extracting(r -> r.get("email"))
        .containsExactly("a***@example.com", "b***@example.com", "");
    assertThat(out.get(0).line()).isEqualTo(2);
  }

  @Test
  void maskAndHashLeaveAnUntouchedCsvRowACsvRow() {
    Input in =
        Input.stream(
            "in",
            () ->
                new java.io.ByteArrayInputStream(
                    "id,email\n1,a@x.io\n".getBytes(StandardCharsets.UTF_8)));
    List<Row> out =
        Csv.rows(in, CsvSettings.defaults())
            .via(RowRules.none().mask("email").stage("in"))
            .toList();
    assertThat(out.get(0)).isInstanceOf(CsvRow.class);
    assertThat(out.get(0).get("email")).isEqualTo("a***@x.io");
  }

  @Test
  void hashIsSha256OrAnHmacUnderAKey() throws Exception {
    List<Row> plain = apply(RowRules.none().hash("email"), users());
    assertThat(plain.get(0).get("email"))
        .isEqualTo("ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976");
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    List<Row> keyed = apply(RowRules.none().hash("email").withHashKey(key), users());
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
    assertThat(keyed.get(0).get("email"))
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(mac.doFinal("alice@example.com".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void hashingALoneSurrogateIsBadInputNamingTheLine() {
    List<Row> rows = List.of(Row.of(7, Columns.of("a"), "x\uD800"));
    assertThatThrownBy(() -> apply(RowRules.none().hash("a"), rows))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("users.csv: line 7")
        .hasMessageContaining("hash a")
        .hasMessageContaining("lone surrogate");
  }

  @Test
  void selectAndRenameReshapeTheRowByTheInputsNames() {
    RowRules rules = RowRules.none().select("email", "id").rename("email", "mail");
    List<Row> out = apply(rules, users());
    assertThat(out.get(0).names()).containsExactly("mail", "id");
    assertThat(out.get(0).values()).containsExactly("alice@example.com", "1");
    assertThat(out.get(0).columns()).isSameAs(out.get(1).columns());
    assertThat(rules.outputNames(USERS.names())).containsExactly("mail", "id");
    assertThat(RowRules.none().rename("id", "key").outputNames(USERS.names()))
        .containsExactly("key", "email", "status", "age");
  }

  @Test
  void aRenameThatMakesTwoColumnsOfOneNameIsRefused() {
    assertThatThrownBy(() -> apply(RowRules.none().rename("id", "email"), users()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two columns called email");
  }

  @Test
  void inferTurnsNumbersBooleansAndEmptyTextIntoJsonTypesButNotMaskedColumns() {
    Columns c = Columns.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    Row row =
        Row.of(c, "42", "-7", "2.50", "true", "", "007", "1e5", "-0", "x", "99999999999999999999");
    Row out = apply(RowRules.none().withInfer(true).mask("i"), List.of(row)).get(0);
    assertThat(out.values())
        .containsExactly(
            42L,
            -7L,
            new BigDecimal("2.50"),
            true,
            null,
            "007",
            "1e5",
            "-0",
            "***",
            new java.math.BigInteger("99999999999999999999"));
  }

  @Test
  void strictColumnsRefuseARuleNamingAMissingColumn() {
    RowRules rules = RowRules.none().mask("mail").withStrictColumns(true);
    assertThatThrownBy(() -> apply(rules, users()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mask mail: no column mail in [id, email, status, age]");
    assertThat(apply(RowRules.none().mask("mail"), users())).hasSize(3);
    assertThatThrownBy(() -> RowRules.none().select("x").check(USERS.names()))
        .hasMessage("select x: no column x in [id, email, status, age]");
  }

  @Test
  void badArgumentsFailAtAssembly() {
    assertThatThrownBy(() -> RowRules.none().select("a", "a"))
        .hasMessage("select names a column twice: [a, a]");
    assertThatThrownBy(() -> RowRules.none().rename("a", "b").rename("a", "c"))
        .hasMessage("rename of a given twice");
    assertThatThrownBy(() -> RowRules.none().withHashKey(new byte[0]))
        .hasMessage("hashKey must not be empty");
  }

  @Test
  void onlyConditionsMasksHashesAndInferenceNeedTheValues() {
    assertThat(RowRules.none().needsValues()).isFalse();
    assertThat(
            RowRules.none().select("a", "b").rename("a", "x").withStrictColumns(true).needsValues())
        .isFalse();
    assertThat(RowRules.none().where(Condition.parse("a=1")).needsValues()).isTrue();
    assertThat(RowRules.none().mask("a").needsValues()).isTrue();
    assertThat(RowRules.none().hash("a").needsValues()).isTrue();
    assertThat(RowRules.none().withInfer(true).needsValues()).isTrue();
  }

  @Test
  void toStringListsEveryRuleButNotTheKey() {
    RowRules rules =
        RowRules.none()
            .where(Condition.parse("a=1"))
            .hash("b")
            .withHashKey("secret".getBytes(StandardCharsets.UTF_8))
            .select("a", "b");
    assertThat(rules.toString())
        .startsWith("RowRules[where=[a=1], mask=[], hash=[b], hashKey=")
        .contains("select=[a, b]")
        .doesNotContain("secret");
    assertThat(rules.toString())
        .isNotEqualTo(rules.withHashKey("other".getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Test
  void rowsWithChangingColumnsAreResolvedAgain() {
    List<Row> rows = new ArrayList<>();
    rows.add(Row.of(Columns.of("a", "email"), 1L, "x@y.z"));
    rows.add(Row.of(Columns.of("email", "a"), "p@q.r", 2L));
    List<Row> out = apply(RowRules.none().mask("email").select("a", "email"), rows);
    assertThat(out)
        .extracting(r -> Arrays.asList(r.get(0), r.get(1)))
        .containsExactly(Arrays.asList(1L, "x***@y.z"), Arrays.asList(2L, "p***@q.r"));
  }
}
