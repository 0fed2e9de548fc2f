package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parts of the operator contract that hold for {@code conflate}, {@code debounce} and {@code
 * sample}, which drop elements by design and so are not in {@link OperatorContractTest}: empty
 * input, an early stop and an interrupt close the source once and leave no thread behind. Their
 * clock never moves, so only the end of the input releases an element.
 */
class LatestStagesContractTest {
  static Stream<Arguments> operators() {
    UnaryOperator<Pipe<Object>> conflate = Pipe::conflate;
    UnaryOperator<Pipe<Object>> debounce =
        p -> p.withClock(new VirtualClock()).debounce(Duration.ofSeconds(1));
    UnaryOperator<Pipe<Object>> sample =
        p -> p.withClock(new VirtualClock()).sample(Duration.ofSeconds(1));
    return Stream.of(
        Arguments.of(Named.of("conflate", conflate)),
        Arguments.of(Named.of("debounce", debounce)),
        Arguments.of(Named.of("sample", sample)));
  }

  private static Pipe<Object> apply(UnaryOperator<Pipe<Object>> op, ScriptedSource<Integer> s) {
    return op.apply(s.pipe().map(x -> (Object) x));
  }

  @ParameterizedTest
  @MethodSource("operators")
  void emptyInputGivesNothingAndClosesTheSource(UnaryOperator<Pipe<Object>> op) {
    ScriptedSource<Integer> source = ScriptedSource.ofRange(0);
    assertThat(apply(op, source).toList()).isEmpty();
    assertThat(source.closes()).isEqualTo(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @ParameterizedTest
  @MethodSource("operators")
  void theLastElementAlwaysArrives(UnaryOperator<Pipe<Object>> op) {
    ScriptedSource<Integer> source = ScriptedSource.ofRange(9999);
    List<Object> out = apply(op, source).toList();
    assertThat(out).isNotEmpty().endsWith(9998);
    assertThat(source.closes()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("operators")
  void earlyStopEndsEveryThreadAndClosesTheSourceOnce(UnaryOperator<Pipe<Object>> op) {
    ScriptedSource<Integer> source = ScriptedSource.ofRange(10_000);
    assertThat(apply(op, source).take(1).count()).isEqualTo(1);
    assertThat(source.finallies()).isEqualTo(1);
    assertThat(source.closes()).isEqualTo(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @ParameterizedTest
  @MethodSource("operators")
  void interruptCancelsTheRunAndClosesTheSource(UnaryOperator<Pipe<Object>> op) throws Exception {
    ScriptedSource<Integer> source =
        ScriptedSource.<Integer>builder().emit(1).delay(Duration.ofMinutes(1)).emit(2).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread runner =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    apply(op, source).count();
                  } catch (Throwable t) {
                    thrown.set(t);
                  }
                });
    while (source.pulled() < 1) {
      Thread.sleep(1);
    }
    runner.interrupt();
    runner.join(10_000);
    assertThat(runner.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(PipeCancelledException.class);
    assertThat(source.closes()).isEqualTo(1);
    assertThat(Diagnostics.liveThreads()).isZero();
  }
}
