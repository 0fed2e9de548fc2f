package dev.sluice.jdbc.testing;

/** The databases every JDBC test runs against. */
public enum Engine {
  /** The embedded default: H2 in a file. */
  H2,
  /** A real PostgreSQL server, started by {@link PostgresExtension}. */
  POSTGRES
}
