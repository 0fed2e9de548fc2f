package dev.sluice.internal;

import dev.sluice.CheckedFunction;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * {@code groupBy(key, maxOpenKeys, collector)}: folds the elements of each key into a {@link
 * Collector}'s container and emits {@code (key, result)} when the group closes. At most {@code
 * maxOpenKeys} groups are open: an element of a new key when that many are open first closes the
 * least recently used group (its result goes downstream), so memory stays bounded; a later element
 * of a closed key opens a new group for it. At the end of the input the open groups close, least
 * recently used first. Not after an early stop or a failure. Holds {@code maxOpenKeys} containers,
 * adds no thread.
 */
public final class GroupByStage<T, K, A, R> extends Operator<T, Map.Entry<K, R>> {
  private final CheckedFunction<? super T, ? extends K> key;
  private final int maxOpenKeys;
  private final Collector<? super T, A, R> collector;

  public GroupByStage(
      Source<T> upstream,
      CheckedFunction<? super T, ? extends K> key,
      int maxOpenKeys,
      Collector<? super T, A, R> collector) {
    super(upstream, "groupBy");
    this.key = key;
    this.maxOpenKeys = maxOpenKeys;
    this.collector = collector;
  }

  @Override
  public void run(Downstream<? super Map.Entry<K, R>> downstream) throws Exception {
    Downstream<? super Map.Entry<K, R>> down = Metering.wrap(this, downstream);
    Supplier<A> supplier = collector.supplier();
    BiConsumer<A, ? super T> accumulator = collector.accumulator();
    Function<A, R> finisher = collector.finisher();
    Map<K, A> open = new LinkedHashMap<>(16, 0.75f, true);
    boolean[] stopped = {false};
    upstream.run(
        item -> {
          K k;
          try {
            k = key.apply(item);
          } catch (Throwable t) {
            throw Failures.at(t, describe() + " computing a key");
          }
          A group = open.get(k);
          if (group == null) {
            if (open.size() >= maxOpenKeys && !closeEldest(open, finisher, down)) {
              stopped[0] = true;
              return false;
            }
            group = supplier.get();
            open.put(k, group);
          }
          accumulator.accept(group, item);
          return true;
        });
    while (!stopped[0] && !open.isEmpty()) {
      stopped[0] = !closeEldest(open, finisher, down);
    }
  }

  private boolean closeEldest(
      Map<K, A> open, Function<A, R> finisher, Downstream<? super Map.Entry<K, R>> down)
      throws Exception {
    Iterator<Map.Entry<K, A>> eldest = open.entrySet().iterator();
    Map.Entry<K, A> group = eldest.next();
    K k = group.getKey();
    A container = group.getValue();
    eldest.remove();
    return down.push(new AbstractMap.SimpleImmutableEntry<>(k, finisher.apply(container)));
  }
}
