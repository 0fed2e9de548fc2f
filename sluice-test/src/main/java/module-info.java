/** Sluice's test kit: scripted sources that record how they were used. */
module dev.sluice.test {
  requires transitive dev.sluice.core;

  exports dev.sluice.test;
}
