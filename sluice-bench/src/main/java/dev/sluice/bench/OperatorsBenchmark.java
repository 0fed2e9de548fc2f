package dev.sluice.bench;

import dev.sluice.Indexed;
import dev.sluice.Pipe;
import dev.sluice.Result;
import dev.sluice.RetryPolicy;
import dev.sluice.Sinks;
import dev.sluice.Stage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-element cost of the synchronous operators of issue 13: the chain of {@link
 * CoreBenchmark#sluice} (map, filter, map, sum over 10 million Longs) with one operator added after
 * the first map, next to the chain alone ({@link #chain}). No element fails, so this is the cost of
 * the happy path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(OperatorsBenchmark.N)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OperatorsBenchmark {
  static final int N = 10_000_000;

  private static final Stage<Long, Long> PASS =
      () ->
          (x, out) -> {
            out.emit(x);
            return true;
          };

  /** Like {@link #PASS}, but another class: two different stages in one chain. */
  private static final Stage<Long, Long> PASS_TOO =
      () ->
          (x, out) -> {
            out.emit(x);
            return true;
          };

  private static long finish(Pipe<Long> p) {
    return p.filter(x -> x % 2 == 0).map(x -> x + 1).reduce(0L, Long::sum);
  }

  @Benchmark
  public long chain() {
    return finish(Pipe.range(0, N).map(x -> x * 3));
  }

  @Benchmark
  public long mapAttempt() {
    return finish(Pipe.range(0, N).mapAttempt(x -> x * 3).map(Result::value));
  }

  @Benchmark
  public long mapOrDeadLetter() {
    return finish(Pipe.range(0, N).mapOrDeadLetter(x -> x * 3, Sinks.discard()));
  }

  @Benchmark
  public long recover() {
    return finish(Pipe.range(0, N).map(x -> x * 3).recover(e -> Pipe.empty()));
  }

  @Benchmark
  public long retryConsecutive() {
    return finish(Pipe.range(0, N).map(x -> x * 3).retry(RetryPolicy.attempts(3).consecutive()));
  }

  @Benchmark
  public long zipWithIndex() {
    return finish(Pipe.range(0, N).map(x -> x * 3).zipWithIndex().map(Indexed::item));
  }

  @Benchmark
  public long sliding() {
    return finish(Pipe.range(0, N).map(x -> x * 3).sliding(1, 1).map(w -> w.get(0)));
  }

  @Benchmark
  public long through() {
    return finish(Pipe.range(0, N).through(p -> p.map(x -> x * 3)));
  }

  @Benchmark
  public long viaAndThen() {
    return finish(Pipe.range(0, N).map(x -> x * 3).via(PASS.andThen(PASS)));
  }

  /**
   * The two stages of {@link #viaAndThen} as two {@code via} calls: what a composed one should
   * cost.
   */
  @Benchmark
  public long viaVia() {
    return finish(Pipe.range(0, N).map(x -> x * 3).via(PASS).via(PASS));
  }

  /** {@link #viaAndThen} with two different stages. */
  @Benchmark
  public long viaAndThenTwoStages() {
    return finish(Pipe.range(0, N).map(x -> x * 3).via(PASS.andThen(PASS_TOO)));
  }

  /** {@link #viaVia} with two different stages. */
  @Benchmark
  public long viaViaTwoStages() {
    return finish(Pipe.range(0, N).map(x -> x * 3).via(PASS).via(PASS_TOO));
  }

  @Benchmark
  public long via() {
    return finish(Pipe.range(0, N).map(x -> x * 3).via(PASS));
  }
}
