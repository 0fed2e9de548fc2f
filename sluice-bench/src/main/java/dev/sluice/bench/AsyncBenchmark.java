package dev.sluice.bench;

import dev.sluice.Pipe;
import io.reactivex.rxjava3.core.Flowable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The async stages against their peers.
 *
 * <ul>
 *   <li>One thread boundary in the chain of {@link CoreBenchmark} (map(x*3), boundary of 1024
 *       elements, filter(even), map(x+1), sum), in nanoseconds per element: {@code sluiceBuffer},
 *       {@code reactorPublishOn}, {@code rxjavaObserveOn}.
 *   <li>Blocking calls at bounded concurrency: 10,000 elements, a 10 ms sleep each, 64 at once, in
 *       milliseconds per run (the ideal is 10,000 / 64 × 10 ms = 1,563 ms): {@code
 *       sluiceMapConcurrent}, {@code reactorFlatMap} (on a 64-thread bounded elastic scheduler),
 *       {@code jdkVirtualThreadExecutor} (a semaphore of 64 around virtual-thread tasks).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AsyncBenchmark {
  static final int N = 10_000_000;
  static final int BOUNDARY = 1024;
  static final int CALLS = 10_000;
  static final int CONCURRENCY = 64;
  static final long CALL_MILLIS = 10;

  private Scheduler reactorSingle;
  private Scheduler reactorElastic;
  private io.reactivex.rxjava3.core.Scheduler rxSingle;
  private ExecutorService rxExecutor;

  @Setup(Level.Trial)
  public void setUp() {
    reactorSingle = Schedulers.newSingle("bench-reactor");
    reactorElastic = Schedulers.newBoundedElastic(CONCURRENCY, Integer.MAX_VALUE, "bench-elastic");
    rxExecutor = Executors.newSingleThreadExecutor();
    rxSingle = io.reactivex.rxjava3.schedulers.Schedulers.from(rxExecutor);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    reactorSingle.dispose();
    reactorElastic.dispose();
    rxExecutor.shutdownNow();
  }

  private static long call(long x) throws InterruptedException {
    Thread.sleep(CALL_MILLIS);
    return x;
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(N)
  public long sluiceBuffer() {
    return Pipe.range(0, N)
        .map(x -> x * 3)
        .buffer(BOUNDARY)
        .filter(x -> x % 2 == 0)
        .map(x -> x + 1)
        .reduce(0L, Long::sum);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(N)
  public long reactorPublishOn() {
    return Flux.range(0, N)
        .map(i -> (long) i)
        .map(x -> x * 3)
        .publishOn(reactorSingle, BOUNDARY)
        .filter(x -> x % 2 == 0)
        .map(x -> x + 1)
        .reduce(0L, Long::sum)
        .block();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(N)
  public long rxjavaObserveOn() {
    return Flowable.rangeLong(0, N)
        .map(x -> x * 3)
        .observeOn(rxSingle, false, BOUNDARY)
        .filter(x -> x % 2 == 0)
        .map(x -> x + 1)
        .reduce(0L, Long::sum)
        .blockingGet();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long sluiceMapConcurrent() {
    return Pipe.range(0, CALLS)
        .mapConcurrent(CONCURRENCY, AsyncBenchmark::call)
        .reduce(0L, Long::sum);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long reactorFlatMap() {
    return Flux.range(0, CALLS)
        .flatMap(i -> Mono.fromCallable(() -> call(i)).subscribeOn(reactorElastic), CONCURRENCY)
        .reduce(0L, Long::sum)
        .block();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long jdkVirtualThreadExecutor() throws Exception {
    Semaphore permits = new Semaphore(CONCURRENCY);
    List<Future<Long>> results = new ArrayList<>(CALLS);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; i < CALLS; i++) {
        long x = i;
        permits.acquire();
        results.add(
            executor.submit(
                () -> {
                  try {
                    return call(x);
                  } finally {
                    permits.release();
                  }
                }));
      }
      long sum = 0;
      for (Future<Long> f : results) {
        sum += f.get();
      }
      return sum;
    }
  }
}
