package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import dev.sluice.test.CloseCounter;
import dev.sluice.test.Inputs;
import dev.sluice.test.SourceContract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The readers of sluice-io pass the published {@link SourceContract}: over a tracked stream (every
 * close counted), over real files (open descriptors counted in {@code /proc/self/fd}), cut into
 * random chunks, failing after partial output, and stuck in a read when interrupted.
 */
class ReaderContractTest {
  @TempDir Path dir;

  /** A reader format: how to read an input, and a document of {@code n} records. */
  record Format(Function<Input, Pipe<?>> read, Function<Integer, String> document) {}

  static Stream<Arguments> formats() {
    return Stream.of(
        format(
            "Lines",
            new Format(
                in -> Lines.read(in, LineSettings.defaults()), n -> records(n, "line %d\n"))),
        format(
            "Csv",
            new Format(
                in -> Csv.read(in, CsvSettings.defaults()),
                n -> "id,name\n" + records(n, "%d,x\n"))),
        format(
            "JsonLines",
            new Format(
                in -> JsonLines.read(in, JsonSettings.defaults()),
                n -> records(n, "{\"id\":%d}\n"))));
  }

  private static Arguments format(String name, Format format) {
    return Arguments.of(Named.of(name, format));
  }

  private static String records(int n, String pattern) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(String.format(pattern, i));
    }
    return sb.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Supplier<Pipe<?>> tracked(
      Format format, CloseCounter counter, Supplier<InputStream> bytes) {
    return () -> format.read().apply(Input.stream("contract", () -> counter.track(bytes.get())));
  }

  @ParameterizedTest
  @MethodSource("formats")
  void passesTheSourceContractOverATrackedStream(Format format) throws Exception {
    CloseCounter counter = new CloseCounter();
    byte[] doc = utf8(format.document().apply(5_000));
    for (long seed = 0; seed < 3; seed++) {
      long s = seed;
      SourceContract.checkAll(tracked(format, counter, () -> Inputs.randomCuts(doc, s)), counter);
    }
    SourceContract.checkEmpty(
        tracked(format, counter, () -> Inputs.oneBytePerRead(new byte[0])), counter);
  }

  /** The records as text (CsvRow has no equals; its toString names the line and fields). */
  private static List<String> texts(Pipe<?> pipe) {
    return pipe.map(String::valueOf).toList();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void everyCutOfTheInputReadsTheSame(Format format) {
    byte[] doc = utf8(format.document().apply(200));
    CloseCounter counter = new CloseCounter();
    var whole = texts(tracked(format, counter, () -> Inputs.randomCuts(doc, 0)).get());
    assertThat(whole).hasSize(200);
    assertThat(texts(tracked(format, counter, () -> Inputs.oneBytePerRead(doc)).get()))
        .isEqualTo(whole);
    for (long seed = 1; seed < 20; seed++) {
      long s = seed;
      assertThat(texts(tracked(format, counter, () -> Inputs.randomCuts(doc, s)).get()))
          .isEqualTo(whole);
    }
    assertThat(counter.allClosedOnce()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void aFailureAfterPartialOutputComesAfterTheRecordsBeforeIt(Format format) {
    CloseCounter counter = new CloseCounter();
    for (int n : new int[] {0, 1, 3, 99, 2_000}) {
      byte[] doc = utf8(format.document().apply(n));
      for (long seed = 0; seed < 5; seed++) {
        long s = seed;
        IOException boom = new IOException("disk gone");
        SourceContract.checkFailureAfterPartialOutput(
            tracked(format, counter, () -> Inputs.failingAfter(doc, doc.length, boom, s)),
            counter,
            n,
            IOException.class);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("formats")
  void anInterruptEndsARunStuckInARead(Format format) throws Exception {
    CloseCounter counter = new CloseCounter();
    byte[] doc = utf8(format.document().apply(3));
    for (int run = 0; run < 20; run++) {
      CountDownLatch stalled = new CountDownLatch(1);
      Pipe<?> pipe =
          tracked(format, counter, () -> Inputs.stallingAfter(doc, doc.length, stalled)).get();
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread runner =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      pipe.count();
                    } catch (Throwable t) {
                      thrown.set(t);
                    }
                  });
      stalled.await();
      runner.interrupt();
      runner.join();
      assertThat(thrown.get()).isInstanceOf(PipeCancelledException.class);
    }
    assertThat(counter.allClosedOnce()).as(counter.toString()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void anEarlyStopOrInterruptClosesTheRealFile(Format format) throws Exception {
    assumeTrue(OpenFiles.available(), "needs /proc/self/fd");
    Path file = Files.writeString(dir.resolve("data"), format.document().apply(5_000));
    long[] openWhileReading = {0};
    format
        .read()
        .apply(Input.file(file))
        .take(1)
        .forEach(x -> openWhileReading[0] = OpenFiles.under(dir));
    assertThat(openWhileReading[0]).as("the probe sees the open file").isGreaterThan(0);
    assertThat(OpenFiles.under(dir)).isZero();
    assertThat(format.read().apply(Input.file(file)).first()).isPresent();
    assertThat(OpenFiles.under(dir)).isZero();
    try (var it = format.read().apply(Input.file(file)).iterator(2)) {
      it.next();
    }
    assertThat(OpenFiles.under(dir)).isZero();
    CountDownLatch consuming = new CountDownLatch(1);
    Thread runner =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    format
                        .read()
                        .apply(Input.file(file))
                        .forEach(
                            x -> {
                              consuming.countDown();
                              new CountDownLatch(1).await();
                            });
                  } catch (PipeCancelledException expected) {
                    // the interrupt below
                  }
                });
    consuming.await();
    runner.interrupt();
    runner.join();
    assertThat(OpenFiles.under(dir)).isZero();
  }
}
