/** Sluice core: {@link dev.sluice.Pipe}, its stages and terminals, and {@link dev.sluice.Sink}. */
module dev.sluice.core {
  exports dev.sluice;
}
