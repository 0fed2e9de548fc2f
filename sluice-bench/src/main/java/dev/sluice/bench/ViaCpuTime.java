package dev.sluice.bench;

import dev.sluice.Pipe;
import dev.sluice.Stage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The chains of {@link OperatorsBenchmark}'s {@code via} benchmarks, timed in CPU time of the
 * running thread rather than wall time: on a machine shared with other builds a thread that waits
 * for a core is not charged for the wait, so runs interleaved with other work still compare. One
 * chain per JVM (as a JMH fork), 15 warm-up runs, then the median and the minimum of 15 runs, in
 * nanoseconds per element.
 *
 * <p>Usage: {@code java -Xms1g -Xmx1g -cp benchmarks.jar dev.sluice.bench.ViaCpuTime NAME}, NAME
 * one of {@code chain via viaVia viaAndThen viaViaTwoStages viaAndThenTwoStages}.
 */
public final class ViaCpuTime {
  private static final int N = 10_000_000;
  private static final int RUNS = 15;

  private static final Stage<Long, Long> PASS =
      () ->
          (x, out) -> {
            out.emit(x);
            return true;
          };
  private static final Stage<Long, Long> PASS_TOO =
      () ->
          (x, out) -> {
            out.emit(x);
            return true;
          };

  private ViaCpuTime() {}

  private static long finish(Pipe<Long> p) {
    return p.filter(x -> x % 2 == 0).map(x -> x + 1).reduce(0L, Long::sum);
  }

  /** Times the chain args[0]. */
  public static void main(String[] args) {
    LongSupplier chain =
        switch (args[0]) {
          case "chain" -> () -> finish(Pipe.range(0, N).map(x -> x * 3));
          case "via" -> () -> finish(Pipe.range(0, N).map(x -> x * 3).via(PASS));
          case "viaVia" -> () -> finish(Pipe.range(0, N).map(x -> x * 3).via(PASS).via(PASS));
          case "viaAndThen" ->
              () -> finish(Pipe.range(0, N).map(x -> x * 3).via(PASS.andThen(PASS)));
          case "viaViaTwoStages" ->
              () -> finish(Pipe.range(0, N).map(x -> x * 3).via(PASS).via(PASS_TOO));
          case "viaAndThenTwoStages" ->
              () -> finish(Pipe.range(0, N).map(x -> x * 3).via(PASS.andThen(PASS_TOO)));
          default -> throw new IllegalArgumentException("no chain named " + args[0]);
        };
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (int i = 0; i < RUNS; i++) {
      sum += chain.getAsLong();
    }
    double[] nanos = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = threads.getCurrentThreadCpuTime();
      sum += chain.getAsLong();
      nanos[i] = (threads.getCurrentThreadCpuTime() - start) / (double) N;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%s %.2f ns/element CPU (min %.2f; checksum %d)%n",
        args[0], nanos[RUNS / 2], nanos[0], sum & 0xff);
  }
}
