package dev.sluice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.CheckedBiFunction;
import dev.sluice.CheckedFunction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecializerTest {
  @Test
  void eachPositionGetsItsOwnCopyOfAPushClass() {
    Source<Long> range = new RangeSource(0, 10);
    MapStage<Long, Long> first = new MapStage<>(range, x -> x);
    MapStage<Long, Long> second = new MapStage<>(first, x -> x);
    Downstream<Long> end = x -> true;
    CheckedFunction<Long, Long> fn = x -> x;
    Downstream<Long> a = Specializer.create(MapPush.class, first, fn, end);
    Downstream<Long> b = Specializer.create(MapPush.class, second, fn, end);
    Downstream<Long> again = Specializer.create(MapPush.class, first, fn, end);
    assertThat(a.getClass()).isNotEqualTo(b.getClass()).isNotEqualTo(MapPush.class);
    assertThat(a.getClass().isHidden()).isTrue();
    assertThat(again.getClass()).isEqualTo(a.getClass());
  }

  /** A function at the same position as another gets a copy of its own: its call stays inlined. */
  @Test
  void eachFunctionGetsItsOwnCopyAtAPosition() {
    Source<Long> range = new RangeSource(0, 10);
    MapStage<Long, Long> stage = new MapStage<>(range, x -> x);
    Downstream<Long> end = x -> true;
    CheckedFunction<Long, Long> f = x -> x + 1;
    CheckedFunction<Long, Long> g = x -> x + 2;
    Downstream<Long> a = Specializer.create(MapPush.class, stage, f, end);
    Downstream<Long> b = Specializer.create(MapPush.class, stage, g, end);
    assertThat(a.getClass()).isNotEqualTo(b.getClass());
  }

  @Test
  void eachFunctionClassGetsItsOwnCopyOfAFold() throws Exception {
    List<CheckedBiFunction<Long, Long, Long>> fns = new ArrayList<>();
    fns.add(Long::sum);
    fns.add((x, y) -> x + y);
    fns.add(Long::sum);
    List<Class<?>> classes = new ArrayList<>();
    for (CheckedBiFunction<Long, Long, Long> fn : fns) {
      UnboxedFold.Folding<Long, Long> fold =
          Specializer.createFor(UnboxedFold.OfLong.class, fn, 5L);
      classes.add(fold.getClass());
      fold.push(2L);
      assertThat(fold.result(5L)).isEqualTo(7L);
    }
    assertThat(classes.get(0)).isNotEqualTo(classes.get(1)).isNotEqualTo(UnboxedFold.OfLong.class);
    assertThat(classes.get(0).isHidden()).isTrue();
    CheckedBiFunction<Long, Long, Long> same = fns.get(1);
    UnboxedFold.Folding<Long, Long> again =
        Specializer.createFor(UnboxedFold.OfLong.class, same, 0L);
    assertThat(again.getClass()).isEqualTo(classes.get(1));
  }
}
