/**
 * Sluice's test kit: scripted sources that record how they were used, the published operator and
 * source contracts, input shapes and a backpressure probe. Exports only {@code dev.sluice.test}.
 */
module dev.sluice.test {
  requires transitive dev.sluice.core;

  exports dev.sluice.test;
}
