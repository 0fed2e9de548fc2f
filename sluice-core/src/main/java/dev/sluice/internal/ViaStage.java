package dev.sluice.internal;

import dev.sluice.Stage;

/**
 * {@code via}: runs a custom {@link Stage}. {@code finish} runs only when the input ended: not
 * after downstream stopped, nor after the stage's own {@code push} returned {@code false}.
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
    EmitterImpl<R> out = new EmitterImpl<>(down, describe());
    boolean[] stoppedItself = {false};
    try {
      runStage(integrator, out, stoppedItself);
    } finally {
      out.end();
    }
  }

  private void runStage(
      Stage.Integrator<? super T, R> integrator, EmitterImpl<R> out, boolean[] stoppedItself)
      throws Exception {
    upstream.run(
        new Downstream<T>() {

          @Override
          public boolean push(T item) {
            boolean more;
            out.bind(); // the upstream may push from another thread than run's (timeout)
            try {
              more = integrator.push(item, out);
            } catch (Throwable t) {
              out.settle(t);
              return false;
            }
            out.checkSwallowed();
            if (!more) {
              stoppedItself[0] = true;
            }
            return more && !out.stopped;
          }
        });
    if (out.stopped || stoppedItself[0]) {
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
  }
}
