package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StageChainTest {
  /** Emits each element twice. */
  private static <T> Stage<T, T> twice() {
    return () ->
        (x, out) -> {
          out.emit(x);
          out.emit(x);
          return true;
        };
  }

  /** Lists of two, the rest at the end. */
  private static <T> Stage<T, List<T>> pairs() {
    return () ->
        new Stage.Integrator<T, List<T>>() {
          private List<T> held = new ArrayList<>();

          @Override
          public boolean push(T item, Emitter<List<T>> out) {
            held.add(item);
            if (held.size() == 2) {
              out.emit(held);
              held = new ArrayList<>();
            }
            return true;
          }

          @Override
          public void finish(Emitter<List<T>> out) {
            if (!held.isEmpty()) {
              out.emit(held);
            }
          }
        };
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void runsTheSecondStageOnWhatTheFirstEmits(int n) {
    Stage<Long, List<Long>> both = StageChainTest.<Long>twice().andThen(pairs());
    List<List<Long>> out = Pipe.from(Sizes.longs(n)).via(both).toList();
    assertThat(out).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(out.get(i)).containsExactly((long) i, (long) i);
    }
  }

  @Test
  void finishesTheFirstStageIntoTheSecond() {
    Stage<Integer, List<List<Integer>>> both = StageChainTest.<Integer>pairs().andThen(pairs());
    List<List<List<Integer>>> out = Pipe.of(1, 2, 3).via(both).toList();
    assertThat(out).isEqualTo(List.of(List.of(List.of(1, 2), List.of(3))));
  }

  @Test
  void aStopOfTheSecondStageStopsTheUpstream() {
    AtomicInteger pulled = new AtomicInteger();
    Stage<Integer, Integer> firstThree =
        () -> {
          int[] seen = {0};
          return (x, out) -> {
            out.emit(x);
            return ++seen[0] < 3;
          };
        };
    Stage<Integer, Integer> both = StageChainTest.<Integer>twice().andThen(firstThree);
    assertThat(
            Pipe.range(0, 100)
                .map(Long::intValue)
                .peek(x -> pulled.incrementAndGet())
                .via(both)
                .toList())
        .containsExactly(0, 0, 1);
    assertThat(pulled.get()).isEqualTo(2);
  }

  @Test
  void aStopOfTheFirstStageEndsTheInputOfTheSecondWhichFinishes() {
    Stage<Integer, Integer> firstThree =
        () -> {
          int[] seen = {0};
          return (x, out) -> {
            out.emit(x);
            return ++seen[0] < 3;
          };
        };
    AtomicInteger pulled = new AtomicInteger();
    List<List<Integer>> out =
        Pipe.range(0, 100)
            .map(Long::intValue)
            .peek(x -> pulled.incrementAndGet())
            .via(firstThree.andThen(pairs()))
            .toList();
    assertThat(out).containsExactly(List.of(0, 1), List.of(2)); // [2] comes from finish
    assertThat(pulled.get()).isEqualTo(3);
  }

  @Test
  void aChainStartedByHandFinishesTheSecondStageWhenTheFirstStops() throws Exception {
    Stage<Integer, Integer> firstThree =
        () -> {
          int[] seen = {0};
          return (x, out) -> {
            out.emit(x);
            return ++seen[0] < 3;
          };
        };
    Stage.Integrator<Integer, List<Integer>> both = firstThree.andThen(pairs()).start();
    List<List<Integer>> out = new ArrayList<>();
    Emitter<List<Integer>> into = out::add;
    int pushed = 0;
    while (both.push(pushed, into)) {
      pushed++;
    }
    assertThat(pushed).isEqualTo(2); // the third push returned false
    assertThat(out).containsExactly(List.of(0, 1), List.of(2));
  }

  @Test
  void aComposedStageRunsAsOneViaPerPartWithTheSameOutput() {
    Stage<Long, List<Long>> composed =
        StageChainTest.<Long>twice().andThen(twice()).andThen(pairs());
    assertThat(Pipe.range(0, 5).via(composed).toList())
        .isEqualTo(Pipe.range(0, 5).via(twice()).via(twice()).via(pairs()).toList())
        .hasSize(10);
  }

  @Test
  void aDownstreamStopUnwindsBothStages() {
    Stage<Long, Long> both = StageChainTest.<Long>twice().andThen(twice());
    assertThat(Pipe.range(0, 100).via(both).take(5).toList()).containsExactly(0L, 0L, 0L, 0L, 1L);
  }

  @Test
  void aFailureOfTheSecondStageIsNotSwallowedByTheFirst() {
    IllegalStateException boom = new IllegalStateException("boom");
    Stage<Integer, Integer> swallowing =
        () ->
            (x, out) -> {
              try {
                out.emit(x);
              } catch (RuntimeException e) {
                // the first stage swallows what the second threw
              }
              return true;
            };
    Stage<Integer, Integer> failing =
        () ->
            (x, out) -> {
              throw boom;
            };
    assertThatThrownBy(() -> Pipe.of(1, 2).via(swallowing.andThen(failing)).toList())
        .isSameAs(boom);
  }

  @Test
  void throughAppliesAFunctionOfPipesWhenBuilt() {
    assertThat(Pipe.range(0, 10).through(StageChainTest::evenTimesTen).toList())
        .containsExactly(0L, 20L, 40L, 60L, 80L);
    assertThatThrownBy(() -> Pipe.of(1).through(p -> null))
        .hasMessage("the pipe returned by through's function must not be null");
  }

  private static Pipe<Long> evenTimesTen(Pipe<Long> p) {
    return p.filter(x -> x % 2 == 0).map(x -> x * 10);
  }

  @Test
  void rejectsANullNextStage() {
    assertThatThrownBy(() -> StageChainTest.<Long>twice().andThen(null))
        .hasMessage("next must not be null");
  }
}
