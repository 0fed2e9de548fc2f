package dev.sluice.bench;

import dev.sluice.CheckedBiFunction;
import dev.sluice.CloseableIterator;
import dev.sluice.Pipe;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.functions.BiFunction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;

/**
 * The per-element cost of a synchronous chain: 50 million Longs through map(x*3), filter(even),
 * map(x+1) and a sum, in nanoseconds per element, for each library side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(CoreBenchmark.N)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CoreBenchmark {
  static final int N = 50_000_000;

  @Benchmark
  public long plainLoop() {
    long sum = 0;
    for (long i = 0; i < N; i++) {
      long x = i * 3;
      if (x % 2 == 0) {
        sum += x + 1;
      }
    }
    return sum;
  }

  @Benchmark
  public long longStream() {
    return LongStream.range(0, N).map(x -> x * 3).filter(x -> x % 2 == 0).map(x -> x + 1).sum();
  }

  @Benchmark
  public long boxedStream() {
    return LongStream.range(0, N)
        .boxed()
        .map(x -> x * 3)
        .filter(x -> x % 2 == 0)
        .map(x -> x + 1)
        .reduce(0L, Long::sum);
  }

  @Benchmark
  public long reactorFlux() {
    return Flux.range(0, N)
        .map(i -> (long) i)
        .map(x -> x * 3)
        .filter(x -> x % 2 == 0)
        .map(x -> x + 1)
        .reduce(0L, Long::sum)
        .block();
  }

  @Benchmark
  public long rxjavaFlowable() {
    return Flowable.rangeLong(0, N)
        .map(x -> x * 3)
        .filter(x -> x % 2 == 0)
        .map(x -> x + 1)
        .reduce(0L, Long::sum)
        .blockingGet();
  }

  @Benchmark
  public long sluice() {
    return Pipe.range(0, N)
        .map(x -> x * 3)
        .filter(x -> x % 2 == 0)
        .map(x -> x + 1)
        .reduce(0L, Long::sum);
  }

  /**
   * Five other chains of the same shape, with other functions, run before the measurement, as in an
   * application that runs many pipelines: the JIT's view of each shared call site then holds
   * several functions. One state per library, so each library's run is polluted only by its own
   * chains.
   */
  @State(Scope.Benchmark)
  public static class OtherSluicePipelines {
    @Setup(Level.Trial)
    public void run() throws Exception {
      List<CheckedBiFunction<Long, Long, Long>> folds =
          List.of((a, b) -> a + b, Math::max, (a, b) -> a ^ b, (a, b) -> a * 31 + b, Math::min);
      for (int round = 0; round < 200; round++) {
        for (int i = 0; i < folds.size(); i++) {
          long k = i + 2;
          Pipe.range(0, 10_000)
              .map(x -> x * k)
              .filter(x -> x % k == 1)
              .map(x -> x - k)
              .reduce(0L, folds.get(i));
        }
      }
    }
  }

  /** The RxJava counterpart of {@link OtherSluicePipelines}. */
  @State(Scope.Benchmark)
  public static class OtherRxJavaPipelines {
    @Setup(Level.Trial)
    public void run() {
      List<BiFunction<Long, Long, Long>> folds =
          List.of((a, b) -> a + b, Math::max, (a, b) -> a ^ b, (a, b) -> a * 31 + b, Math::min);
      for (int round = 0; round < 200; round++) {
        for (int i = 0; i < folds.size(); i++) {
          long k = i + 2;
          Flowable.rangeLong(0, 10_000)
              .map(x -> x * k)
              .filter(x -> x % k == 1)
              .map(x -> x - k)
              .reduce(0L, folds.get(i))
              .blockingGet();
        }
      }
    }
  }

  /** {@link #sluice} in a JVM that has run other pipelines ({@link OtherSluicePipelines}). */
  @Benchmark
  public long sluiceAfterOtherPipelines(OtherSluicePipelines others) {
    return sluice();
  }

  /** {@link #rxjavaFlowable} after {@link OtherRxJavaPipelines}. */
  @Benchmark
  public long rxjavaAfterOtherPipelines(OtherRxJavaPipelines others) {
    return rxjavaFlowable();
  }

  /**
   * {@link #sluice} with a generator as the source: every element goes through {@code Emitter.emit}
   * (its stop, owner-thread and cancellation checks) before the chain.
   */
  @Benchmark
  public long sluiceGenerate() {
    return Pipe.<Long>generate(
            out -> {
              for (long i = 0; i < N; i++) {
                out.emit(i);
              }
            })
        .map(x -> x * 3)
        .filter(x -> x % 2 == 0)
        .map(x -> x + 1)
        .reduce(0L, Long::sum);
  }

  @Benchmark
  public long sluiceIterator() {
    long sum = 0;
    try (CloseableIterator<Long> it =
        Pipe.range(0, N).map(x -> x * 3).filter(x -> x % 2 == 0).map(x -> x + 1).iterator()) {
      while (it.hasNext()) {
        sum += it.next();
      }
    }
    return sum;
  }
}
