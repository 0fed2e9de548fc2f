/** A user's module: it reads Sluice's modules and nothing of their internals. */
module dev.sluice.blackbox {
  requires dev.sluice.core;
  requires dev.sluice.io;
  requires dev.sluice.jdbc;
  requires transitive java.sql; // its API (seed, items) takes a DataSource

  exports dev.sluice.blackbox;
}
