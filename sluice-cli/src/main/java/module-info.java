/**
 * The {@code sluice} command. Not a library: it exports nothing. picocli fills the commands' fields
 * and calls their methods reflectively, so the package is open to it.
 */
module dev.sluice.cli {
  requires dev.sluice.core;
  requires dev.sluice.io;
  requires dev.sluice.jdbc;
  requires dev.sluice.http;
  requires dev.sluice.examples;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires java.management;
  requires java.sql;

  opens dev.sluice.cli to
      info.picocli;
}
