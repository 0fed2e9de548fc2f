package dev.sluice.internal;

import dev.sluice.Generator;

/** {@code Pipe.generate}: runs a generator with an emitter wired to the downstream. */
public final class GenerateSource<T> extends Source<T> {
  private final Generator<T> generator;

  public GenerateSource(String name, Generator<T> generator) {
    super(name);
    this.generator = generator;
  }

  @Override
  public void run(Downstream<? super T> downstream) {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    EmitterImpl<T> out = new EmitterImpl<>(down, describe());
    try {
      generator.generate(out);
    } catch (Throwable t) {
      out.settle(t);
      return;
    } finally {
      out.end();
    }
    out.checkSwallowed();
  }
}
