package dev.sluice.internal;

import dev.sluice.Stage;

/**
 * {@code via}: runs a custom {@link Stage}. {@code finish} runs only when the input ended: not
 * after downstream stopped, nor after the stage's own {@code push} returned {@code false}. Each
 * element goes through a {@link ViaPush} made for the integrator's class at this position.
 */
public final class ViaStage<T, R> extends Operator<T, R> {
  private final Stage<? super T, R> stage;

  public ViaStage(Source<T> upstream, Stage<? super T, R> stage, String name) {
    super(upstream, name);
    this.stage = stage;
  }

  @Override
  public void run(Downstream<? super R> downstream) throws Exception {
    Downstream<? super R> down = Metering.wrap(this, downstream);
    Stage.Integrator<? super T, R> integrator;
    try {
      integrator = stage.start();
    } catch (Throwable t) {
      throw Failures.at(t, describe() + " starting");
    }
    if (integrator == null) {
      throw Failures.at(
          new NullPointerException("the stage's start() returned null"), describe() + " starting");
    }
    Downstream<T> push = Specializer.create(ViaPush.class, this, integrator, down);
    @SuppressWarnings("unchecked")
    EmitterImpl<R> out = (EmitterImpl<R>) push;
    try {
      upstream.run(push);
      if (out.stopped || out.stoppedItself) {
        return;
      }
      out.bind();
      try {
        integrator.finish(out);
      } catch (Throwable t) {
        out.settle(t);
        return;
      }
      out.checkSwallowed();
    } finally {
      out.end();
    }
  }
}
