package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The failure-ordering rule of every async operator: elements emitted before an upstream failure
 * reach the consumer before the failure. Each case runs 300 times, so a race shows.
 */
class FailureOrderTest {
  private static final int RUNS = 300;

  static Stream<Arguments> operators() {
    return Stream.of(
        op("buffer(4)", p -> p.buffer(4)),
        op("buffer(1)", p -> p.buffer(1)),
        op("mapConcurrent(4)", p -> p.mapConcurrent(4, x -> x)),
        op("mapConcurrentUnordered(4)", p -> p.mapConcurrentUnordered(4, x -> x)),
        op("merge", p -> Pipe.merge(p)),
        op("tee", p -> p.tee(b -> b.forEach(x -> {}))),
        op("tee (the branch)", FailureOrderTest::viaTeeBranch),
        op("batch(size)", p -> p.batch(3).flatMap(Pipe::from)),
        op("timeout", p -> p.timeout(Duration.ofMinutes(5))),
        op("withCancellation", p -> p.withCancellation(new Cancellation())),
        op("batch(1, maxWait)", p -> p.batch(1, Duration.ofMinutes(5)).flatMap(Pipe::from)),
        op("batch(3, maxWait)", p -> p.batch(3, Duration.ofMinutes(5)).flatMap(Pipe::from)),
        op("iterator", p -> Pipe.from(() -> p.iterator())),
        op("stream", p -> Pipe.from(p.stream())));
  }

  /** What a tee's branch saw, replayed after the run, then the branch's failure. */
  private static Pipe<Integer> viaTeeBranch(Pipe<Integer> upstream) {
    return Pipe.generate(
        out -> {
          List<Integer> branch = new ArrayList<>();
          Exception failure = null;
          try {
            upstream
                .tee(
                    1,
                    SlowBranch.WAIT,
                    b ->
                        b.forEach(
                            x -> {
                              slowly();
                              branch.add(x);
                            }))
                .forEach(x -> {});
          } catch (Exception e) {
            failure = e;
          }
          for (Integer x : branch) {
            out.emit(x);
          }
          if (failure != null) {
            throw failure;
          }
        });
  }

  /** A consumer slower than the producer, so the hand-offs fill up (a shape, not a timing). */
  private static void slowly() {
    long until = System.nanoTime() + 20_000;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  private static Arguments op(String name, UnaryOperator<Pipe<Integer>> f) {
    return Arguments.of(name, f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operators")
  void elementsBeforeAnUpstreamFailureAreDeliveredBeforeIt(
      String name, UnaryOperator<Pipe<Integer>> operator) {
    IOException boom = new IOException("boom");
    for (int run = 0; run < RUNS; run++) {
      int n = run % 11;
      Pipe<Integer> failing =
          Pipe.generate(
              out -> {
                for (int i = 0; i < n; i++) {
                  out.emit(i);
                }
                throw boom;
              });
      List<Integer> seen = new ArrayList<>();
      boolean slow = run % 2 == 1;
      assertThatThrownBy(
              () ->
                  operator
                      .apply(failing)
                      .forEach(
                          x -> {
                            if (slow) {
                              slowly();
                            }
                            seen.add(x);
                          }))
          .as(name + " run " + run)
          .isExactlyInstanceOf(PipeException.class)
          .hasCause(boom);
      assertThat(seen).as(name + " run " + run).hasSize(n).doesNotHaveDuplicates();
    }
    assertThat(Diagnostics.liveThreads()).isZero();
  }
}
