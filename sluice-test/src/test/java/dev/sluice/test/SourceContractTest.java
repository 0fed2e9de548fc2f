package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The published source contract passes a well-behaved source and catches broken ones. */
class SourceContractTest {
  /** 0..n-1 from a tracked resource, failing with {@code failure} at the end if non-null. */
  private static Supplier<Pipe<Integer>> source(CloseCounter counter, int n, IOException failure) {
    return () ->
        Pipe.using(
            () -> counter.track(() -> {}),
            r ->
                Pipe.generate(
                    out -> {
                      for (int i = 0; i < n; i++) {
                        out.emit(i);
                      }
                      if (failure != null) {
                        throw failure;
                      }
                    }));
  }

  @Test
  void aWellBehavedSourcePassesEveryCheck() throws Exception {
    CloseCounter counter = new CloseCounter();
    SourceContract.checkAll(source(counter, 100, null), counter);
    SourceContract.checkEmpty(source(counter, 0, null), counter);
    SourceContract.checkFailureAfterPartialOutput(
        source(counter, 3, new IOException("boom")), counter, 3, IOException.class);
  }

  @Test
  void aSourceThatNeverClosesFailsTheEarlyStopCheck() {
    CloseCounter counter = new CloseCounter();
    Supplier<Pipe<Integer>> leaky =
        () ->
            Pipe.generate(
                out -> {
                  counter.track(() -> {}); // opened, never closed
                  for (int i = 0; ; i++) {
                    out.emit(i);
                  }
                });
    assertThatThrownBy(() -> SourceContract.checkEarlyStopClosesOnce(leaky, counter))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 resource(s) opened but 0 closed after take(1)");
  }

  @Test
  void aSourceThatClosesTwiceFailsTheCheck() throws Exception {
    CloseCounter counter = new CloseCounter();
    Supplier<Pipe<Integer>> twice =
        () ->
            Pipe.using(
                () -> {
                  AutoCloseable r = counter.track(() -> {});
                  return () -> {
                    r.close();
                    r.close();
                  };
                },
                r -> Pipe.of(1, 2));
    assertThatThrownBy(() -> SourceContract.checkFullReadClosesOnce(twice, counter))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("closed more than once");
  }

  @Test
  void aSourceThatDropsElementsBeforeItsFailureFailsTheCheck() {
    CloseCounter counter = new CloseCounter();
    assertThatThrownBy(
            () ->
                SourceContract.checkFailureAfterPartialOutput(
                    source(counter, 2, new IOException("boom")), counter, 3, IOException.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after 2 element(s), not after 3");
  }

  @Test
  void anUnwiredCounterIsReported() {
    CloseCounter counter = new CloseCounter();
    assertThatThrownBy(() -> SourceContract.checkFullReadClosesOnce(() -> Pipe.of(1, 2), counter))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("is it wired?");
    assertThatCode(() -> SourceContract.checkEmpty(Pipe::empty, counter))
        .doesNotThrowAnyException();
  }
}
