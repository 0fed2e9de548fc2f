package dev.sluice.internal;

/**
 * Thrown by an {@link EmitterImpl} whose downstream wants no more elements, to unwind a generator
 * that would otherwise go on. An {@link Error} so that {@code catch (Exception e)} in user code
 * does not swallow it; carries no stack trace.
 */
final class StopSignal extends Error {
  private static final long serialVersionUID = 1L;
  static final StopSignal INSTANCE = new StopSignal();

  private StopSignal() {
    super("downstream wants no more elements", null, false, false);
  }
}
