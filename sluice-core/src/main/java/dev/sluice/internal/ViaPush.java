package dev.sluice.internal;

import dev.sluice.Stage;

/**
 * The per-element side of {@link ViaStage}: the downstream its upstream pushes into, and the
 * emitter its integrator emits into. A template for {@link Specializer}: each integrator class at
 * each position of a chain gets a copy of its own, whose {@code integrator.push} and {@code
 * down.push} each see one receiver, so a chain of several {@code via} stages (or one {@code via} of
 * stages composed with {@code andThen}) inlines as a chain of {@code map} stages does, instead of
 * running one shared {@code push} and {@code emit} at every position (ADR 0002).
 */
final class ViaPush<T, R> extends EmitterImpl<R> implements Downstream<T> {
  private final Stage.Integrator<? super T, R> integrator;

  @SuppressWarnings("unchecked")
  ViaPush(Source<?> stage, Object integrator, Downstream<?> down) {
    super((Downstream<? super R>) down, stage.describe());
    this.integrator = (Stage.Integrator<? super T, R>) integrator;
  }

  @Override
  public boolean push(T item) {
    bind(); // the upstream may push from another thread than run's (timeout)
    boolean more;
    try {
      more = integrator.push(item, this);
    } catch (Throwable t) {
      settle(t);
      return false;
    }
    checkSwallowed();
    if (!more) {
      stoppedItself = true;
    }
    return more && !stopped;
  }

  /** {@link EmitterImpl#emit}, repeated so that each copy calls its own downstream. */
  @Override
  public void emit(R item) {
    ready();
    boolean more;
    try {
      more = down.push(item);
    } catch (Throwable t) {
      throw failed(t);
    }
    emitted++;
    if (!more) {
      stopped = true;
      throw StopSignal.INSTANCE;
    }
  }
}
