package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ViaStageTest {
  /** Pairs consecutive elements; emits a lone last one at the end. */
  static Stage<Long, List<Long>> pairs() {
    return () ->
        new Stage.Integrator<>() {
          private Long held;

          @Override
          public boolean push(Long item, Emitter<List<Long>> out) {
            if (held == null) {
              held = item;
            } else {
              out.emit(List.of(held, item));
              held = null;
            }
            return true;
          }

          @Override
          public void finish(Emitter<List<Long>> out) {
            if (held != null) {
              out.emit(List.of(held));
            }
          }
        };
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void runsACustomStageWithFreshStatePerRun(int n) {
    Pipe<List<Long>> pipe = Pipe.from(Sizes.longs(n)).via(pairs());
    List<List<Long>> first = pipe.toList();
    assertThat(pipe.toList()).isEqualTo(first);
    assertThat(first).hasSize((n + 1) / 2);
    assertThat(first.stream().flatMap(List::stream).toList()).isEqualTo(Sizes.longs(n));
  }

  @Test
  void integratorReturningFalseStopsUpstream() {
    Probe probe = new Probe(100);
    List<Integer> got = new ArrayList<>();
    probe
        .pipe()
        .via(
            (Stage<Integer, Integer>)
                () ->
                    (item, out) -> {
                      out.emit(item);
                      return item < 3;
                    })
        .forEach(got::add);
    assertThat(got).containsExactly(0, 1, 2, 3);
    assertThat(probe.produced).hasValue(4);
    assertThat(probe.finallies).hasValue(1);
  }

  @Test
  void finishIsNotCalledAfterAnEarlyStop() {
    assertThat(Pipe.range(0, 9).via(pairs()).take(1).toList()).containsExactly(List.of(0L, 1L));
  }

  @Test
  void finishIsNotCalledAfterThePushItselfStopped() {
    AtomicInteger finishes = new AtomicInteger();
    Stage<Long, Long> stopAtThree =
        () ->
            new Stage.Integrator<>() {
              @Override
              public boolean push(Long item, Emitter<Long> out) {
                out.emit(item);
                return item < 3;
              }

              @Override
              public void finish(Emitter<Long> out) {
                finishes.incrementAndGet();
                out.emit(-1L);
              }
            };
    for (int run = 0; run < 300; run++) {
      assertThat(Pipe.range(0, 9).via(stopAtThree).toList()).containsExactly(0L, 1L, 2L, 3L);
    }
    assertThat(finishes).hasValue(0);
    assertThat(Pipe.range(0, 2).via(stopAtThree).toList()).containsExactly(0L, 1L, -1L);
  }

  /** Fails on element 3; named by its toString. */
  static final class FailsOnThree implements Stage<Long, Long> {
    @Override
    public Integrator<Long, Long> start() {
      return (item, out) -> {
        if (item == 3) {
          throw new java.io.IOException("three");
        }
        out.emit(item);
        return true;
      };
    }

    @Override
    public String toString() {
      return "fails on three";
    }
  }

  @Test
  void aStageWithItsOwnToStringIsNamedByItInErrorNotesAndProgress() {
    assertThatThrownBy(() -> Pipe.range(0, 10).via(new FailsOnThree()).count())
        .isInstanceOf(PipeException.class)
        .hasMessageContaining("via fails on three (stage 1)");
    List<Progress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    Pipe.range(0, 3)
        .via(new FailsOnThree())
        .onProgress(reports::add, java.time.Duration.ofHours(1))
        .count();
    assertThat(reports.get(0).stages())
        .extracting(Progress.StageStats::stage)
        .contains("via fails on three (stage 1)");
    // a lambda's toString is Object's: just "via"
    assertThatThrownBy(
            () ->
                Pipe.range(0, 10)
                    .via(
                        (Stage<Long, Long>)
                            () ->
                                (item, out) -> {
                                  if (item == 3) {
                                    throw new java.io.IOException("three");
                                  }
                                  out.emit(item);
                                  return true;
                                })
                    .count())
        .hasMessageContaining("via (stage 1)");
  }
}
