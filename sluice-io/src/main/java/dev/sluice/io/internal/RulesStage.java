package dev.sluice.io.internal;

import dev.sluice.Columns;
import dev.sluice.Emitter;
import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.internal.ArrayRow;
import dev.sluice.io.BadInputException;
import dev.sluice.io.Condition;
import dev.sluice.io.RowRules;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stage of {@link RowRules#stage}. Per run, it resolves the rules' column names to indexes once
 * for each distinct {@link Columns} and reuses them while rows share it. Masking and hashing alone
 * go through {@link Row#with}, which keeps a CSV row's untouched fields unmade.
 */
public final class RulesStage implements Stage<Row, Row> {
  private final RowRules rules;
  private final byte[] hashKey;
  private final String input;

  /** The stage of {@code rules}, hashing under {@code hashKey} (null: plain SHA-256). */
  public RulesStage(RowRules rules, byte[] hashKey, String input) {
    this.rules = rules;
    this.hashKey = hashKey;
    this.input = input;
  }

  /** Checks the columns {@code rules} name against {@code names}; see {@link RowRules#check}. */
  public static void check(RowRules rules, List<String> names) {
    for (Condition c : rules.conditions()) {
      require(names, c.column(), "where " + c);
    }
    rules.masked().forEach(c -> require(names, c, "mask " + c));
    rules.hashed().forEach(c -> require(names, c, "hash " + c));
    rules.selected().forEach(c -> require(names, c, "select " + c));
    rules.renamed().keySet().forEach(c -> require(names, c, "rename " + c));
  }

  private static void require(List<String> names, String column, String rule) {
    if (!names.contains(column)) {
      throw new IllegalArgumentException(rule + ": no column " + column + " in " + names);
    }
  }

  @Override
  public Integrator<Row, Row> start() {
    return new Run();
  }

  /** The rules in a few words, which names the stage in progress reports and error notes. */
  @Override
  public String toString() {
    List<String> parts = new java.util.ArrayList<>();
    rules.conditions().forEach(c -> parts.add("where " + c));
    rules.masked().forEach(c -> parts.add("mask " + c));
    rules.hashed().forEach(c -> parts.add("hash " + c));
    if (!rules.selected().isEmpty()) {
      parts.add("select " + String.join(",", rules.selected()));
    }
    rules.renamed().forEach((from, to) -> parts.add("rename " + from + "=" + to));
    if (rules.infers()) {
      parts.add("infer");
    }
    return "row rules" + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }

  private final class Run implements Integrator<Row, Row> {
    private Columns seen;
    private int[] whereAt;
    private int[] maskAt;
    private int[] hashAt;
    private boolean[] inferAt;

    /** Where each output column is in the input row (-1: absent), and the output's columns. */
    private int[] outAt;

    private Columns out;
    private final boolean onlyWhere =
        rules.masked().isEmpty()
            && rules.hashed().isEmpty()
            && !rules.infers()
            && rules.selected().isEmpty()
            && rules.renamed().isEmpty();

    @Override
    public boolean push(Row row, Emitter<Row> emitter) {
      if (row.columns() != seen) {
        resolve(row.columns());
      }
      List<Condition> where = rules.conditions();
      for (int i = 0; i < whereAt.length; i++) {
        if (!where.get(i).test(whereAt[i] < 0 ? null : Trees.text(row.get(whereAt[i])))) {
          return true;
        }
      }
      if (onlyWhere) {
        emitter.emit(row);
        return true;
      }
      Row result = row;
      for (int at : maskAt) {
        String text = at < 0 ? null : Trees.text(result.get(at));
        if (text != null) {
          result = result.with(at, Masking.mask(text));
        }
      }
      for (int i = 0; i < hashAt.length; i++) {
        int at = hashAt[i];
        String text = at < 0 ? null : Trees.text(result.get(at));
        if (text != null) {
          result = result.with(at, hashed(text, rules.hashed().get(i), row.line()));
        }
      }
      if (inferAt != null || outAt != null) {
        result = reshape(result);
      }
      emitter.emit(result);
      return true;
    }

    private Row reshape(Row row) {
      int n = outAt == null ? row.size() : outAt.length;
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        int at = outAt == null ? i : outAt[i];
        Object v = at < 0 ? null : row.get(at);
        values[i] =
            inferAt != null && at >= 0 && inferAt[at] && v instanceof String s ? infer(s) : v;
      }
      return new ArrayRow(out, values, row.line());
    }

    private String hashed(String value, String column, long line) {
      try {
        return hashKey == null ? Masking.sha256(value) : Masking.hmacSha256(hashKey, value);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(input, line, "hash " + column + ": " + e.getMessage(), null, e);
      }
    }

    private void resolve(Columns columns) {
      if (rules.strictColumns()) {
        check(rules, columns.names());
      }
      whereAt = rules.conditions().stream().mapToInt(c -> columns.find(c.column())).toArray();
      maskAt = rules.masked().stream().mapToInt(columns::find).toArray();
      hashAt = rules.hashed().stream().mapToInt(columns::find).toArray();
      inferAt = null;
      if (rules.infers()) {
        inferAt = new boolean[columns.size()];
        java.util.Arrays.fill(inferAt, true);
        for (int at : maskAt) {
          if (at >= 0) {
            inferAt[at] = false;
          }
        }
        for (int at : hashAt) {
          if (at >= 0) {
            inferAt[at] = false;
          }
        }
      }
      outAt = null;
      out = columns;
      if (!rules.selected().isEmpty() || !rules.renamed().isEmpty()) {
        List<String> names = rules.selected().isEmpty() ? columns.names() : rules.selected();
        outAt = names.stream().mapToInt(columns::find).toArray();
        out = Columns.of(renamed(names, rules.renamed()));
      }
      seen = columns;
    }
  }

  private static List<String> renamed(List<String> names, Map<String, String> rename) {
    List<String> result = new ArrayList<>(names.size());
    Set<String> unique = new HashSet<>();
    for (String name : names) {
      String to = rename.getOrDefault(name, name);
      if (!unique.add(to)) {
        throw new IllegalArgumentException(
            "rename makes two columns called "
                + to
                + " (of "
                + names
                + ", renamed "
                + rename
                + ")");
      }
      result.add(to);
    }
    return result;
  }

  /** Text as the JSON type it reads as: see {@link RowRules#withInfer}. */
  static Object infer(String s) {
    int n = s.length();
    if (n == 0) {
      return null;
    }
    if (s.equals("true")) {
      return Boolean.TRUE;
    }
    if (s.equals("false")) {
      return Boolean.FALSE;
    }
    int i = s.charAt(0) == '-' ? 1 : 0;
    int digits = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      digits++;
    }
    int start = s.charAt(0) == '-' ? 1 : 0;
    if (digits == 0 || (digits > 1 && s.charAt(start) == '0')) {
      return s; // not a number, or a leading zero (a ZIP code, an identifier)
    }
    if (i == n) {
      if (digits == 1 && s.charAt(start) == '0' && start == 1) {
        return s; // -0
      }
      return digits < 19 ? (Object) Long.parseLong(s) : new BigInteger(s);
    }
    if (s.charAt(i) != '.' || i + 1 == n || n > 1000) {
      return s;
    }
    for (int j = i + 1; j < n; j++) {
      if (s.charAt(j) < '0' || s.charAt(j) > '9') {
        return s;
      }
    }
    return new BigDecimal(s);
  }
}
