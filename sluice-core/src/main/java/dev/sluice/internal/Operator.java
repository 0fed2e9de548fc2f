package dev.sluice.internal;

/**
 * A stage: a {@link Source} that runs its upstream and transforms what it pushes.
 *
 * @param <I> the upstream element type
 * @param <O> the element type of this stage
 */
abstract class Operator<I, O> extends Source<O> {
  final Source<I> upstream;

  Operator(Source<I> upstream, String name) {
    super(upstream, name);
    this.upstream = upstream;
  }
}
