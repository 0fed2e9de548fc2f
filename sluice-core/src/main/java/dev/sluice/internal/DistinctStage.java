package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code distinct}: passes the first element of each key. It must remember every key it has seen,
 * so the number of keys is bounded by the {@code maxKeys} setting; exceeding it fails the run.
 */
public final class DistinctStage<T, K> extends Operator<T, T> {
  private final CheckedFunction<? super T, ? extends K> key;
  private final int maxKeys;

  public DistinctStage(
      Source<T> upstream, CheckedFunction<? super T, ? extends K> key, int maxKeys) {
    super(upstream, "distinct");
    this.key = key;
    this.maxKeys = maxKeys;
  }

  @Override
  public void run(Downstream<? super T> downstream) throws Exception {
    Downstream<? super T> down = Metering.wrap(this, downstream);
    Set<K> seen = new HashSet<>();
    upstream.run(
        new Downstream<T>() {

          @Override
          public boolean push(T item) throws Exception {
            boolean first;
            try {
              first = seen.add(key.apply(item));
              if (first && seen.size() > maxKeys) {
                throw new IllegalStateException(
                    "distinct saw more than maxKeys="
                        + maxKeys
                        + " distinct keys; raise maxKeys (distinct(key, maxKeys)) or dedupe"
                        + " by another way");
              }
            } catch (Throwable t) {
              throw Failures.at(t, describe());
            }
            return !first || down.push(item);
          }
        });
  }
}
