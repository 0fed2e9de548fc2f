package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SinkTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void successfulRunCommits(int n) {
    MemorySink<Long> sink = Sinks.memory();
    assertThat(Pipe.from(Sizes.longs(n)).into(sink)).isEqualTo(n);
    assertThat(sink.committed()).isEqualTo(Sizes.longs(n));
    assertThat(sink.commits()).isEqualTo(1);
    assertThat(sink.aborts()).isZero();
  }

  @Test
  void failedRunAbortsAndCommitsNothing() {
    MemorySink<Long> sink = Sinks.memory();
    IOException boom = new IOException("boom");
    Pipe<Long> failing =
        Pipe.range(0, 10)
            .map(
                x -> {
                  if (x == 5) {
                    throw boom;
                  }
                  return x;
                });
    assertThatThrownBy(() -> failing.into(sink)).isInstanceOf(PipeException.class).hasCause(boom);
    assertThat(sink.committed()).isEmpty();
    assertThat(sink.aborts()).isEqualTo(1);
    assertThat(sink.lastAbortCause()).isSameAs(boom);
  }

  @Test
  void commitFailureIsFollowedByAbort() {
    List<String> log = new ArrayList<>();
    Sink<Integer> sink =
        () ->
            new Sink.Writer<>() {
              @Override
              public void write(Integer item) {
                log.add("write " + item);
              }

              @Override
              public void commit() throws IOException {
                throw new IOException("rename failed");
              }

              @Override
              public void abort(Throwable cause) {
                log.add("abort " + cause.getMessage());
              }
            };
    assertThatThrownBy(() -> Pipe.of(1).into(sink)).hasRootCauseMessage("rename failed");
    assertThat(log).containsExactly("write 1", "abort rename failed");
  }

  @Test
  void writeFailureAbortsAndNamesTheSink() {
    MemorySink<Integer> memory = Sinks.memory();
    Sink<Integer> failing =
        () -> {
          Sink.Writer<Integer> inner = memory.open();
          return new Sink.Writer<>() {
            @Override
            public void write(Integer item) throws IOException {
              throw new IOException("disk full");
            }

            @Override
            public void commit() throws Exception {
              inner.commit();
            }

            @Override
            public void abort(Throwable cause) throws Exception {
              inner.abort(cause);
            }
          };
        };
    assertThatThrownBy(() -> Pipe.of(1, 2).into(failing))
        .isInstanceOf(PipeException.class)
        .hasMessageContaining("into (sink)");
    assertThat(memory.aborts()).isEqualTo(1);
  }

  /** A writer whose write (when {@code failWrite}) or commit fails, and whose abort fails too. */
  private static Sink<Integer> failingTwice(boolean failWrite, IllegalStateException abortFailure) {
    return () ->
        new Sink.Writer<>() {
          @Override
          public void write(Integer item) throws IOException {
            if (failWrite) {
              throw new IOException("disk full");
            }
          }

          @Override
          public void commit() throws IOException {
            throw new IOException("rename failed");
          }

          @Override
          public void abort(Throwable cause) {
            throw abortFailure;
          }
        };
  }

  @Test
  void anAbortFailureAfterACommitFailureIsSuppressedOnTheThrownException() {
    IllegalStateException abortFailure = new IllegalStateException("cleanup failed");
    assertThatThrownBy(() -> Pipe.of(1).into(failingTwice(false, abortFailure)))
        .isExactlyInstanceOf(PipeException.class)
        .hasRootCauseMessage("rename failed")
        .satisfies(e -> assertThat(e.getSuppressed()).contains(abortFailure))
        .satisfies(e -> assertThat(e.getCause().getSuppressed()).doesNotContain(abortFailure));
  }

  @Test
  void anAbortFailureAfterAWriteFailureIsSuppressedOnTheThrownException() {
    IllegalStateException abortFailure = new IllegalStateException("cleanup failed");
    assertThatThrownBy(() -> Pipe.of(1).into(failingTwice(true, abortFailure)))
        .isExactlyInstanceOf(PipeException.class)
        .hasRootCauseMessage("disk full")
        .satisfies(e -> assertThat(e.getSuppressed()).contains(abortFailure));
  }

  @Test
  void anAbortFailureAfterAnUncheckedFailureIsSuppressedOnIt() {
    IllegalStateException abortFailure = new IllegalStateException("cleanup failed");
    IllegalArgumentException bad = new IllegalArgumentException("bad");
    assertThatThrownBy(
            () ->
                Pipe.of(1)
                    .<Integer>map(
                        x -> {
                          throw bad;
                        })
                    .into(failingTwice(false, abortFailure)))
        .isSameAs(bad)
        .satisfies(e -> assertThat(e.getSuppressed()).contains(abortFailure));
  }
}
