/**
 * Sluice JDBC: keyset, offset and cursor sources, batched transactional sinks and checkpoints on
 * plain JDBC, with HikariCP pools. See {@link dev.sluice.jdbc.Jdbc}.
 */
module dev.sluice.jdbc {
  requires transitive dev.sluice.core;
  requires transitive dev.sluice.io;
  requires transitive java.sql;
  requires transitive com.zaxxer.hikari;
  requires static org.postgresql.jdbc;

  exports dev.sluice.jdbc;
}
