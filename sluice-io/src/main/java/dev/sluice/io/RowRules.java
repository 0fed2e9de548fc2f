package dev.sluice.io;

import dev.sluice.Row;
import dev.sluice.Stage;
import dev.sluice.io.internal.RulesStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The row rules that {@code convert}, {@code export} and {@code import} share, as one {@link Stage}
 * over {@link Row}s: keep the rows that satisfy every {@link Condition}, mask and hash columns,
 * infer JSON types from text, then select and rename columns. Immutable and thread-safe; each
 * {@code with…} returns a changed copy, and {@link #toString()} lists every rule.
 *
 * <p>Every rule names a column of the <em>input</em>, before any rename, and they apply in this
 * order:
 *
 * <ol>
 *   <li>{@link #where}: a row is kept when every condition holds for its column's {@link Row#textOf
 *       text}; a null or absent value satisfies none;
 *   <li>{@link #mask}: {@code alice@example.com} becomes {@code a***@example.com}, any other
 *       non-empty value {@code ***};
 *   <li>{@link #hash}: the lowercase hex SHA-256 of the value's UTF-8 text, or its HMAC-SHA256
 *       under {@link #withHashKey a key} (an unsalted hash of an e-mail address is reversed with a
 *       dictionary; a keyed one is not); a value with a lone surrogate has no UTF-8 form and is bad
 *       input naming its line;
 *   <li>{@link #withInfer infer}: text that is an integer (no leading zero) becomes a number, a
 *       decimal ({@code 2.50}) a decimal, {@code true}/{@code false} a boolean and empty text null;
 *       masked and hashed columns stay text;
 *   <li>{@link #select}: only these columns, in this order;
 *   <li>{@link #rename}: a column gets another name.
 * </ol>
 *
 * <p>With {@link #withStrictColumns strict columns} (for inputs with a header: CSV, tables) a rule
 * naming a column the rows lack fails with an {@link IllegalArgumentException} that names the rule
 * and the columns; without it (JSON Lines, whose objects may leave keys out) an absent column is a
 * null value. Null values are never masked or hashed.
 *
 * <pre>{@code
 * RowRules rules = RowRules.none()
 *     .where(Condition.parse("status=active"))
 *     .mask("email")
 *     .select("id", "email");
 * Csv.rows(Input.file(Path.of("users.csv")), CsvSettings.defaults())
 *     .via(rules.stage("users.csv"))
 *     .into(JsonLines.sink(Output.file(Path.of("users.jsonl"))));
 * }</pre>
 */
public final class RowRules {
  private static final RowRules NONE =
      new RowRules(List.of(), List.of(), List.of(), null, false, List.of(), Map.of(), false);

  private final List<Condition> where;
  private final List<String> mask;
  private final List<String> hash;
  private final byte[] hashKey;
  private final boolean infer;
  private final List<String> select;
  private final Map<String, String> rename;
  private final boolean strict;

  private RowRules(
      List<Condition> where,
      List<String> mask,
      List<String> hash,
      byte[] hashKey,
      boolean infer,
      List<String> select,
      Map<String, String> rename,
      boolean strict) {
    this.where = where;
    this.mask = mask;
    this.hash = hash;
    this.hashKey = hashKey;
    this.infer = infer;
    this.select = select;
    this.rename = rename;
    this.strict = strict;
  }

  /** No rules: the stage passes every row as it is. */
  public static RowRules none() {
    return NONE;
  }

  /** These rules and the conditions {@code conditions} (all must hold). */
  public RowRules where(Condition... conditions) {
    return new RowRules(
        plus(where, conditions), mask, hash, hashKey, infer, select, rename, strict);
  }

  /** These rules and masking of {@code columns}. */
  public RowRules mask(String... columns) {
    return new RowRules(where, plus(mask, columns), hash, hashKey, infer, select, rename, strict);
  }

  /** These rules and hashing of {@code columns}. */
  public RowRules hash(String... columns) {
    return new RowRules(where, mask, plus(hash, columns), hashKey, infer, select, rename, strict);
  }

  /**
   * These rules with {@link #hash} keyed: HMAC-SHA256 under {@code key} (copied; must not be
   * empty), or plain SHA-256 for null.
   */
  public RowRules withHashKey(byte[] key) {
    if (key != null && key.length == 0) {
      throw new IllegalArgumentException("hashKey must not be empty");
    }
    byte[] copy = key == null ? null : key.clone();
    return new RowRules(where, mask, hash, copy, infer, select, rename, strict);
  }

  /** These rules with type inference from text on or off (off by default). */
  public RowRules withInfer(boolean on) {
    return new RowRules(where, mask, hash, hashKey, on, select, rename, strict);
  }

  /** These rules keeping only {@code columns}, in this order (replacing an earlier selection). */
  public RowRules select(String... columns) {
    List<String> list = plus(List.of(), columns);
    if (list.stream().distinct().count() != list.size()) {
      throw new IllegalArgumentException("select names a column twice: " + list);
    }
    return new RowRules(where, mask, hash, hashKey, infer, list, rename, strict);
  }

  /** These rules and column {@code from} renamed to {@code to}. */
  public RowRules rename(String from, String to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (rename.containsKey(from)) {
      throw new IllegalArgumentException("rename of " + from + " given twice");
    }
    Map<String, String> map = new LinkedHashMap<>(rename);
    map.put(from, to);
    return new RowRules(
        where,
        mask,
        hash,
        hashKey,
        infer,
        select,
        java.util.Collections.unmodifiableMap(map),
        strict);
  }

  /** These rules with strict columns on or off (off by default); see the class comment. */
  public RowRules withStrictColumns(boolean on) {
    return new RowRules(where, mask, hash, hashKey, infer, select, rename, on);
  }

  /** Whether there is no rule (strictness aside): the stage would pass every row as it is. */
  public boolean isEmpty() {
    return where.isEmpty()
        && mask.isEmpty()
        && hash.isEmpty()
        && !infer
        && select.isEmpty()
        && rename.isEmpty();
  }

  /**
   * Whether a rule reads or changes the rows' values ({@link #where}, {@link #mask}, {@link #hash},
   * {@link #withInfer}); {@link #select} and {@link #rename} only pick and name columns. A writer
   * that moves rows without looking at them (a database's {@code COPY}) can apply these rules only
   * when this is false.
   */
  public boolean needsValues() {
    return !where.isEmpty() || !mask.isEmpty() || !hash.isEmpty() || infer;
  }

  /** The conditions. */
  public List<Condition> conditions() {
    return where;
  }

  /** The masked columns. */
  public List<String> masked() {
    return mask;
  }

  /** The hashed columns. */
  public List<String> hashed() {
    return hash;
  }

  /** Whether {@link #hash} is keyed. */
  public boolean keyed() {
    return hashKey != null;
  }

  /** The hash key (not copied: do not change it), or null. */
  byte[] hashKey() {
    return hashKey;
  }

  /** Whether types are inferred. */
  public boolean infers() {
    return infer;
  }

  /** The selected columns, or empty for all. */
  public List<String> selected() {
    return select;
  }

  /** The renames, old name to new. */
  public Map<String, String> renamed() {
    return rename;
  }

  /** Whether columns are strict. */
  public boolean strictColumns() {
    return strict;
  }

  /**
   * The column names of the rows the stage emits for rows named {@code names}: the selection (or
   * all) with the renames; for a writer that needs the header of an input that had no rows.
   */
  public List<String> outputNames(List<String> names) {
    List<String> kept = select.isEmpty() ? names : select;
    return kept.stream().map(n -> rename.getOrDefault(n, n)).toList();
  }

  /**
   * Checks every column these rules name against {@code names}.
   *
   * @throws IllegalArgumentException naming the first rule whose column is not there
   */
  public void check(List<String> names) {
    RulesStage.check(this, names);
  }

  /**
   * The stage applying these rules; {@code input} names the input in {@link BadInputException}s.
   * The stage resolves column names once per distinct {@link dev.sluice.Columns} it sees.
   */
  public Stage<Row, Row> stage(String input) {
    Objects.requireNonNull(input, "input");
    return new RulesStage(this, hashKey, input);
  }

  /**
   * Lists every rule; a hash key appears only as a short fingerprint of it (the first 8 hex digits
   * of its HMAC of a fixed text), so a saved description can tell keys apart without holding one.
   */
  @Override
  public String toString() {
    return "RowRules[where="
        + where
        + ", mask="
        + mask
        + ", hash="
        + hash
        + ", hashKey="
        + (hashKey == null
            ? "none"
            : dev.sluice.io.internal.Masking.hmacSha256(hashKey, "sluice").substring(0, 8))
        + ", infer="
        + infer
        + ", select="
        + select
        + ", rename="
        + rename
        + ", strictColumns="
        + strict
        + "]";
  }

  private static <T> List<T> plus(List<T> list, T[] more) {
    List<T> result = new ArrayList<>(list);
    for (T t : more) {
      result.add(Objects.requireNonNull(t, "a rule's column or condition"));
    }
    return List.copyOf(result);
  }
}
