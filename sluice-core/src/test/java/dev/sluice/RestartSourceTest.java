package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RestartSourceTest {
  private static final RetryPolicy NOW =
      RetryPolicy.attempts(3).withBackoff(Duration.ZERO, 1, Duration.ZERO);

  /** A feed whose every connection delivers three new events, then drops, five times over. */
  private static Pipe<Integer> flakyFeed(AtomicInteger next, AtomicInteger connections) {
    return Pipe.generate(
        out -> {
          connections.incrementAndGet();
          for (int i = 0; i < 3; i++) {
            out.emit(next.getAndIncrement());
          }
          if (next.get() < 15) {
            throw new IOException("connection dropped");
          }
        });
  }

  @Test
  void goesOnWithANewPipeAfterEachFailureWhileTheConsecutiveCountAllows() {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger connections = new AtomicInteger();
    List<Integer> out =
        Pipe.restarting(NOW.consecutive(), () -> flakyFeed(next, connections)).toList();
    assertThat(out).isEqualTo(java.util.stream.IntStream.range(0, 15).boxed().toList());
    assertThat(connections.get()).isEqualTo(5);
  }

  @Test
  void givesUpWhenTheTotalCountIsSpent() {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger connections = new AtomicInteger();
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(
            () -> Pipe.restarting(NOW, () -> flakyFeed(next, connections)).forEach(seen::add))
        .hasCauseInstanceOf(IOException.class)
        .satisfies(t -> assertThat(t.getCause().getSuppressed()).hasSizeGreaterThanOrEqualTo(2));
    assertThat(seen).hasSize(9);
    assertThat(connections.get()).isEqualTo(3);
  }

  @Test
  void doesNotRestartOnAFailureRaisedDownstream() {
    AtomicInteger connections = new AtomicInteger();
    IllegalStateException late = new IllegalStateException("late");
    assertThatThrownBy(
            () ->
                Pipe.restarting(NOW, () -> flakyFeed(new AtomicInteger(), connections))
                    .peek(
                        x -> {
                          throw late;
                        })
                    .count())
        .isSameAs(late);
    assertThat(connections.get()).isEqualTo(1);
  }

  /** A resumable source over 0..n-1 whose position is the index; fails once after "4" and "7". */
  private static final class Numbers implements Resumable<Integer> {
    final int n;
    final List<Optional<String>> starts = new ArrayList<>();
    final java.util.Set<Integer> failed = new java.util.HashSet<>();

    Numbers(int n) {
      this.n = n;
    }

    @Override
    public Pipe<Positioned<Integer>> after(Optional<String> position) {
      starts.add(position);
      int from = position.map(p -> Integer.parseInt(p) + 1).orElse(0);
      return Pipe.generate(
          out -> {
            for (int i = from; i < n; i++) {
              if ((i == 5 || i == 8) && failed.add(i)) {
                throw new IOException("lost the connection before " + i);
              }
              out.emit(new Positioned<>(i, Integer.toString(i)));
            }
          });
    }
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void retryingAResumableSourceGoesOnAfterItsLastPosition(int n) {
    Numbers numbers = new Numbers(n);
    List<Integer> out =
        Checkpoints.retrying(numbers, Optional.empty(), NOW).map(Positioned::item).toList();
    assertThat(out).isEqualTo(java.util.stream.IntStream.range(0, n).boxed().toList());
    List<Optional<String>> expected = new ArrayList<>(List.of(Optional.empty()));
    if (n > 5) {
      expected.add(Optional.of("4"));
    }
    if (n > 8) {
      expected.add(Optional.of("7"));
    }
    assertThat(numbers.starts).isEqualTo(expected);
  }

  @Test
  void resumeWithAPolicyStartsAfterTheCheckpointAndRetriesFromTheLastPosition() {
    Numbers numbers = new Numbers(10);
    List<Integer> out =
        Checkpoints.resume(numbers, () -> Optional.of("2"), NOW).map(Positioned::item).toList();
    assertThat(out).containsExactly(3, 4, 5, 6, 7, 8, 9);
    assertThat(numbers.starts)
        .containsExactly(Optional.of("2"), Optional.of("4"), Optional.of("7"));
  }

  @Test
  void rejectsNullArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.restarting(null, Pipe::empty))
        .hasMessage("policy must not be null");
    assertThatThrownBy(() -> Pipe.restarting(NOW, null)).hasMessage("supplier must not be null");
  }
}
