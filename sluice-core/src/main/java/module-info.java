/**
 * Sluice core: {@link dev.sluice.Pipe}, its stages and terminals, and {@link dev.sluice.Sink}. The
 * internal package is shared with Sluice's own connector modules only (its thread helper, so that
 * every thread a connector starts is counted by {@link dev.sluice.Diagnostics}); it is not API.
 */
@SuppressWarnings("module") // the connectors are not all in every build of this module
module dev.sluice.core {
  exports dev.sluice;
  exports dev.sluice.internal to
      dev.sluice.io,
      dev.sluice.jdbc,
      dev.sluice.http;
}
