package dev.sluice.bench;

import dev.sluice.CloseableIterator;
import dev.sluice.Pipe;
import io.reactivex.rxjava3.core.Flowable;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
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
