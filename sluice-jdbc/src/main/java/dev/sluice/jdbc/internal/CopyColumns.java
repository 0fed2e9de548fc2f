package dev.sluice.jdbc.internal;

import dev.sluice.jdbc.internal.CopyCsvRewriter.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@code COPY} export renders each column so that, after {@link CopyCsvRewriter}, its text is
 * {@code Row.textOf} of the value pgjdbc reads (through {@link ColumnValues}), with the formula
 * guard where a value could start like a formula: text types select {@code CASE} guards, {@code
 * bytea} selects its base64, {@code char(n)} its padded text; the other supported types are written
 * by {@code COPY} and rewritten by their {@link Kind}. A column of another type (an array, an enum,
 * an interval, a domain, …) has no exact rendering: {@link #reason} says which.
 */
public final class CopyColumns {
  /** A text starts like a formula (=, +, -, @, tab, CR) and is not a plain number. */
  private static final String NUMBER =
      " !~ '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$'";

  private static final String RISKY = "ascii(%1$s) IN (61, 43, 45, 64, 9, 13) AND %1$s" + NUMBER;

  private final List<String> select;
  private final List<Kind> kinds;
  private final List<CopyJsonWriter.Shape> shapes;
  private final String reason;

  private CopyColumns(
      List<String> select, List<Kind> kinds, List<CopyJsonWriter.Shape> shapes, String reason) {
    this.select = select;
    this.kinds = kinds;
    this.shapes = shapes;
    this.reason = reason;
  }

  /**
   * The rendering of {@code columns} (real names) of {@code table}, with the guard if asked, for
   * CSV quoted with {@code "}.
   */
  public static CopyColumns of(
      Connection connection, TableRef table, List<String> columns, boolean guard)
      throws SQLException {
    return of(connection, table, columns, guard, '"', java.util.Set.of(), java.util.Set.of());
  }

  /**
   * {@link #of(Connection, TableRef, List, boolean)} for CSV quoted with {@code quote}, with the
   * columns {@code masked} masked and those {@code hashed} hashed as {@code RowRules} does it (text
   * columns only): a mask by {@link CopyCsvRewriter} ({@link Kind#MASK}), a hash in SQL. The guard
   * of text, {@code json} and {@code char(n)} columns is the rewriter's ({@link Kind#GUARDED}: the
   * server, which sends the rows, has less time to spare than the client), or a {@code CASE} in SQL
   * when {@code quote} is {@code '}, which the guard's ' would have to be quoted by.
   */
  public static CopyColumns of(
      Connection connection,
      TableRef table,
      List<String> columns,
      boolean guard,
      char quote,
      java.util.Set<String> masked,
      java.util.Set<String> hashed)
      throws SQLException {
    Map<String, String[]> types = types(connection, table);
    List<String> select = new ArrayList<>();
    List<Kind> kinds = new ArrayList<>();
    List<CopyJsonWriter.Shape> shapes = new ArrayList<>();
    for (String column : columns) {
      String[] type = types.get(column);
      String q = table.quote(column);
      String name = type == null ? "unknown" : type[0];
      int typmod = type == null ? -1 : Integer.parseInt(type[1]);
      Kind kind = Kind.PLAIN;
      String expression = q;
      if (masked.contains(column) || hashed.contains(column)) {
        if (!name.equals("text") && !name.equals("varchar")) {
          return unsupported(column, (masked.contains(column) ? "masked " : "hashed ") + name);
        }
        // a mask is made from the value's bytes by the rewriter, which guards it (the server has
        // less time to spare than the client); a hash in SQL, hex, which never looks like a formula
        select.add(masked.contains(column) ? q : sha256(q));
        kinds.add(masked.contains(column) ? Kind.MASK : Kind.PLAIN);
        shapes.add(CopyJsonWriter.Shape.STRING);
        continue;
      }
      boolean inPass = guard && quote != '\'';
      switch (name) {
        case "int2", "int4", "int8", "uuid", "jsonb" -> {}
        case "text", "varchar", "json" -> {
          if (inPass) {
            kind = Kind.GUARDED;
          } else if (guard) {
            expression = guard(name.equals("json") ? q + "::text" : q);
          }
        }
        case "bpchar" -> {
          if (typmod < 5) {
            return unsupported(column, "bpchar without a length");
          }
          String padded = "rpad(" + q + "::text, " + (typmod - 4) + ")";
          kind = inPass ? Kind.GUARDED : Kind.PLAIN;
          expression = guard && !inPass ? guard(padded) : padded;
        }
        case "bytea" -> {
          String base64 = "translate(encode(" + q + ", 'base64'), E'\\n', '')";
          // base64 starts with '+' when the first byte's top six bits are 62
          expression =
              guard
                  ? "CASE WHEN length("
                      + q
                      + ") > 0 AND get_byte("
                      + q
                      + ", 0) >> 2 = 62 AND "
                      + base64
                      + " !~ '^[+][0-9]+$' THEN '''' || "
                      + base64
                      + " ELSE "
                      + base64
                      + " END"
                  : base64;
        }
        case "bool" -> kind = Kind.BOOL;
        case "date" -> kind = Kind.DATE;
        case "timestamp" -> kind = Kind.TIMESTAMP;
        case "timestamptz" -> kind = Kind.TIMESTAMPTZ;
        case "time" -> kind = Kind.TIME;
        case "numeric" -> kind = Kind.NUMERIC;
        case "float4" -> kind = Kind.FLOAT4;
        case "float8" -> kind = Kind.FLOAT8;
        default -> {
          return unsupported(column, name);
        }
      }
      select.add(expression);
      kinds.add(kind);
      shapes.add(
          switch (name) {
            case "int2", "int4", "int8", "bool" -> CopyJsonWriter.Shape.BARE;
            case "numeric", "float4", "float8" -> CopyJsonWriter.Shape.NUMBER;
            default -> CopyJsonWriter.Shape.STRING;
          });
    }
    return new CopyColumns(List.copyOf(select), List.copyOf(kinds), List.copyOf(shapes), null);
  }

  private static CopyColumns unsupported(String column, String type) {
    return new CopyColumns(
        List.of(),
        List.of(),
        List.of(),
        "column '" + column + "' is of type " + type + ", which COPY");
  }

  /**
   * {@code Masking.sha256} of {@code v}: the lowercase hex SHA-256 of its UTF-8; NULL stays NULL.
   */
  private static String sha256(String v) {
    return "encode(sha256(convert_to(" + v + ", 'UTF8')), 'hex')";
  }

  /** {@code text} with a leading ' when it could run as a formula (the row writer's guard). */
  private static String guard(String text) {
    return "CASE WHEN "
        + RISKY.formatted(text)
        + " THEN '''' || "
        + text
        + " ELSE "
        + text
        + " END";
  }

  /** Real column name to {type name, typmod}. */
  private static Map<String, String[]> types(Connection connection, TableRef table)
      throws SQLException {
    Map<String, String[]> types = new HashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT a.attname, t.typname, a.atttypmod FROM pg_attribute a JOIN pg_type t ON t.oid"
                + " = a.atttypid WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT"
                + " a.attisdropped")) {
      s.setString(1, table.sql());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          types.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    return types;
  }

  /** Whether every column has an exact rendering. */
  public boolean exact() {
    return reason == null;
  }

  /** Why not, naming the column and its type; null if exact. */
  public String reason() {
    return reason == null ? null : reason + " cannot write as the row writer does";
  }

  /** The select list, one expression per column. */
  public List<String> select() {
    return select;
  }

  /** How each column's value is written in JSON ({@link CopyJsonWriter}). */
  public List<CopyJsonWriter.Shape> shapes() {
    return shapes;
  }

  /** The kind of each column for {@link CopyCsvRewriter}. */
  public List<Kind> kinds() {
    return kinds;
  }

  /** Whether some value of a column could be one {@link CopyCsvRewriter} refuses. */
  public boolean checksValues() {
    return kinds.stream().anyMatch(k -> k != Kind.PLAIN && k != Kind.BOOL);
  }
}
