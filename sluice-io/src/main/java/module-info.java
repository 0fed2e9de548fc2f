/**
 * Sluice I/O: lines, CSV (FastCSV), JSON Lines (Jackson), gzip, atomic file sinks and directory
 * walks. Exports {@code dev.sluice.io}; the implementation is in a package exported only to {@code
 * dev.sluice.jdbc}.
 */
@SuppressWarnings("module") // dev.sluice.jdbc is built after this module
module dev.sluice.io {
  requires transitive dev.sluice.core;
  requires transitive com.fasterxml.jackson.databind;
  requires de.siegmar.fastcsv;

  exports dev.sluice.io;
  // the JSON escaper for sluice-jdbc's COPY export to JSON Lines, which must write the same bytes
  exports dev.sluice.io.internal to
      dev.sluice.jdbc;
}
