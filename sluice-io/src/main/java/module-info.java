/**
 * Sluice I/O: lines, CSV (FastCSV), JSON Lines (Jackson), gzip, atomic file sinks and directory
 * walks. Exports only {@code dev.sluice.io}; the implementation is in a non-exported package.
 */
module dev.sluice.io {
  requires transitive dev.sluice.core;
  requires transitive com.fasterxml.jackson.databind;
  requires de.siegmar.fastcsv;

  exports dev.sluice.io;
}
