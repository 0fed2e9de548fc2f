package dev.sluice.test;

import dev.sluice.Cancellation;
import dev.sluice.Checkpoints;
import dev.sluice.Indexed;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Result;
import dev.sluice.RetryPolicy;
import dev.sluice.Sinks;
import dev.sluice.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every operator of {@link Pipe} keeps, checked by the published {@link
 * OperatorContract}: empty input, failure after partial output, early stop, no element n+1 after
 * take(n), cancellation by interrupt, and an iterator closed early.
 */
class OperatorContractTest {
  /** Each operator applied to a pipe of integers, as a pipe of objects. */
  static Stream<Arguments> operators() {
    List<Arguments> ops = new ArrayList<>();
    add(ops, "map", p -> p.map(x -> x));
    add(ops, "filter", p -> p.filter(x -> true));
    add(ops, "flatMap", p -> p.flatMap(x -> Pipe.of(x)));
    add(ops, "peek", p -> p.peek(x -> {}));
    add(ops, "take", p -> p.take(Long.MAX_VALUE));
    add(ops, "takeWhile", p -> p.takeWhile(x -> true));
    add(ops, "drop", p -> p.drop(0));
    add(ops, "dropWhile", p -> p.dropWhile(x -> false));
    add(ops, "distinct", Pipe::distinct);
    add(ops, "scan", p -> p.scan(0, (a, x) -> x));
    add(ops, "batch", p -> p.batch(1).map(b -> b.get(0)));
    add(
        ops,
        "via",
        p ->
            p.via(
                (Stage<Object, Object>)
                    () ->
                        (x, out) -> {
                          out.emit(x);
                          return true;
                        }));
    add(ops, "concat", p -> Pipe.concat(p, Pipe.empty()));
    add(ops, "onStart", p -> p.onStart(() -> {}));
    add(ops, "onComplete", p -> p.onComplete(() -> {}));
    add(ops, "onError", p -> p.onError(e -> {}));
    add(ops, "onClose", p -> p.onClose(() -> {}));
    add(ops, "throttle", p -> p.throttle(1_000_000_000, Duration.ofSeconds(1)));
    RetryPolicy policy = RetryPolicy.attempts(3).retryOn(e -> e instanceof IllegalStateException);
    add(ops, "mapRetry", p -> p.mapRetry(policy, x -> x));
    add(ops, "retry", p -> p.retry(policy));
    add(ops, "onProgress", p -> p.onProgress(progress -> {}, Duration.ofMillis(1)));
    add(ops, "tee", p -> p.tee(branch -> branch.forEach(x -> {})));
    add(ops, "mapAttempt", p -> p.mapAttempt(x -> x).map(Result::value));
    add(ops, "mapOrDeadLetter", p -> p.mapOrDeadLetter(x -> x, Sinks.discard()));
    add(ops, "recover", p -> p.recover(e -> Pipe.failed(e)));
    add(ops, "through", p -> p.through(q -> q.map(x -> x)));
    Stage<Object, Object> pass =
        () ->
            (x, out) -> {
              out.emit(x);
              return true;
            };
    add(ops, "via(andThen)", p -> p.via(pass.andThen(pass)));
    add(ops, "retry(consecutive)", p -> p.retry(policy.consecutive()));
    add(ops, "restarting", p -> Pipe.restarting(policy, () -> p));
    add(
        ops,
        "Checkpoints.retrying",
        p ->
            Checkpoints.retrying(
                    position -> p.map(x -> new Positioned<>(x, "at " + x)),
                    Optional.empty(),
                    policy)
                .map(Positioned::item));
    add(ops, "zipWithIndex", p -> p.zipWithIndex().map(Indexed::item));
    add(ops, "sliding", p -> p.sliding(1, 1).map(w -> w.get(0)));
    add(ops, "partition", p -> p.partition(x -> true, b -> b.count(), b -> b.count()));
    return ops.stream();
  }

  /**
   * The operators that add threads. Their upstream may run ahead, so the tests that count pulled
   * elements after an early stop do not apply to them; the others do.
   */
  static Stream<Arguments> asyncOperators() {
    List<Arguments> ops = new ArrayList<>();
    add(ops, "buffer", p -> p.buffer(4));
    add(ops, "mapConcurrent", p -> p.mapConcurrent(4, x -> x));
    add(ops, "mapConcurrentUnordered", p -> p.mapConcurrentUnordered(1, x -> x));
    add(ops, "batch(size, maxWait)", p -> p.batch(1, Duration.ofMinutes(1)).map(b -> b.get(0)));
    add(ops, "timeout", p -> p.timeout(Duration.ofMinutes(1)));
    add(ops, "withCancellation", p -> p.withCancellation(new Cancellation()));
    add(ops, "withClock", p -> p.withClock(new VirtualClock()));
    add(ops, "merge", p -> Pipe.merge(p, Pipe.empty()));
    add(ops, "zip", p -> Pipe.zip(p, Pipe.range(0, Long.MAX_VALUE), (x, i) -> x));
    add(ops, "interleave", p -> p.interleave(Pipe.empty()));
    return ops.stream();
  }

  static Stream<Arguments> allOperators() {
    return Stream.concat(operators(), asyncOperators());
  }

  private static void add(List<Arguments> ops, String name, UnaryOperator<Pipe<Object>> op) {
    ops.add(Arguments.of(Named.of(name, op)));
  }

  /** The operator as the contract takes it: a pipe of integers in, the same elements out. */
  private static Function<Pipe<Integer>, Pipe<?>> contract(UnaryOperator<Pipe<Object>> op) {
    return p -> op.apply(p.map(x -> (Object) x));
  }

  @ParameterizedTest
  @MethodSource("allOperators")
  void emptyInputGivesNothingAndClosesTheSource(UnaryOperator<Pipe<Object>> op) {
    OperatorContract.checkEmptyInput(contract(op));
  }

  @ParameterizedTest
  @MethodSource("allOperators")
  void failureAfterPartialOutputReachesTheCallerAfterTheElements(UnaryOperator<Pipe<Object>> op) {
    OperatorContract.checkFailureAfterPartialOutput(contract(op));
  }

  @ParameterizedTest
  @MethodSource("allOperators")
  void earlyStopEndsEveryThreadAndClosesTheSourceOnce(UnaryOperator<Pipe<Object>> op) {
    OperatorContract.checkEarlyStopEndsThreadsAndClosesOnce(contract(op));
  }

  @ParameterizedTest
  @MethodSource("operators")
  void noElementNPlusOneAfterTakeN(UnaryOperator<Pipe<Object>> op) {
    OperatorContract.checkEarlyStopPullsNoMore(contract(op));
  }

  @ParameterizedTest
  @MethodSource("allOperators")
  void interruptCancelsTheRunAndClosesTheSource(UnaryOperator<Pipe<Object>> op) throws Exception {
    OperatorContract.checkInterruptCancelsAndCloses(contract(op));
  }

  @ParameterizedTest
  @MethodSource("allOperators")
  void closingAnIteratorEarlyLeavesNoLiveProducerThread(UnaryOperator<Pipe<Object>> op) {
    OperatorContract.checkIteratorClosedEarly(contract(op));
  }

  @ParameterizedTest
  @MethodSource("allOperators")
  void theFailureOrderHoldsUnderASlowConsumer(UnaryOperator<Pipe<Object>> op) {
    for (int run = 0; run < 50; run++) {
      OperatorContract.checkFailureAfterPartialOutput(
          p -> contract(op).apply(p).peek(x -> Backpressure.slowly()));
    }
  }
}
