/** A user's module: it reads Sluice's modules and nothing of their internals. */
module dev.sluice.blackbox {
  requires dev.sluice.core;
  requires dev.sluice.io;
  requires dev.sluice.jdbc;

  exports dev.sluice.blackbox;
}
