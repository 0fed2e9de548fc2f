package dev.sluice.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Whether PostgreSQL's {@code MERGE} upserts a batch into a table exactly as {@code INSERT … ON
 * CONFLICT (key) DO UPDATE} does (docs/adr/0207). The two differ on a table with triggers ({@code
 * ON CONFLICT} fires the {@code BEFORE INSERT} ones on rows it then updates, and {@code EXCLUDED}
 * holds what they made), rules, row security (other policies are checked), inheritance children
 * ({@code MERGE} matches their rows too) and on a key no unique index enforces ({@code MERGE} would
 * update every row it matches, where {@code ON CONFLICT} refuses). So it fits only a PostgreSQL 15
 * or later server's ordinary table with none of those, whose key is exactly the key columns of a
 * valid, immediate, unique index over plain columns, with no predicate, whose operator classes are
 * the types' defaults and whose collations the columns' (so the join's {@code =} is the index's
 * equality). Internal triggers (foreign keys) act the same in both.
 */
final class MergeFit {
  private static final String QUERY =
      """
      SELECT 1 FROM pg_catalog.pg_class c
      WHERE c.oid = ?::regclass AND c.relkind = 'r' AND NOT c.relhasrules
        AND NOT c.relrowsecurity AND NOT c.relhassubclass
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t
                        WHERE t.tgrelid = c.oid AND NOT t.tgisinternal)
        AND EXISTS (
          SELECT 1 FROM pg_catalog.pg_index i
          WHERE i.indrelid = c.oid AND i.indisunique AND i.indimmediate AND i.indisvalid
            AND i.indisready AND i.indpred IS NULL AND i.indexprs IS NULL
            AND i.indnkeyatts = cardinality(?::text[])
            AND NOT EXISTS (
              SELECT 1
              FROM unnest(i.indkey::int2[], i.indclass::oid[], i.indcollation::oid[])
                WITH ORDINALITY AS k(att, cls, coll, n)
              LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.att
              LEFT JOIN pg_catalog.pg_opclass o ON o.oid = k.cls
              WHERE k.n <= i.indnkeyatts
                AND (a.attname IS NULL OR NOT (a.attname::text = ANY (?::text[]))
                     OR o.opcdefault IS NOT TRUE OR k.coll <> a.attcollation)))
      """;

  private MergeFit() {}

  /**
   * Whether {@code MERGE} can stand for {@code ON CONFLICT (key) DO UPDATE} on {@code table}. Run
   * at the start of a transaction of {@code connection} (not in auto-commit mode); a server that
   * calls itself PostgreSQL but cannot answer gets {@code ON CONFLICT}, its transaction rolled
   * back.
   */
  static boolean fits(Connection connection, TableRef table, List<String> key) throws SQLException {
    if (connection.getMetaData().getDatabaseMajorVersion() < 15 || key.isEmpty()) {
      return false;
    }
    String[] names = key.toArray(String[]::new);
    try (PreparedStatement s = connection.prepareStatement(QUERY)) {
      s.setString(1, table.sql());
      s.setArray(2, connection.createArrayOf("text", names));
      s.setArray(3, connection.createArrayOf("text", names));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      if (CancelWatch.stopped(e)) {
        throw e; // cancelled or disconnected: nothing to fall back on
      }
      connection.rollback();
      return false;
    }
  }
}
