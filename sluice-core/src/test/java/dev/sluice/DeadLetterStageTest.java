package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeadLetterStageTest {
  private static long oddFails(long x) {
    if (x % 2 == 1) {
      throw new IllegalArgumentException("odd " + x);
    }
    return x;
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void sendsFailuresToTheDeadLetterSinkAndTheRestOn(int n) {
    MemorySink<Result<Long>> dead = Sinks.memory();
    List<Long> good =
        Pipe.from(Sizes.longs(n)).mapOrDeadLetter(DeadLetterStageTest::oddFails, dead).toList();
    assertThat(good).isEqualTo(Sizes.longs(n).stream().filter(x -> x % 2 == 0).toList());
    assertThat(dead.committed())
        .extracting(Result::input)
        .isEqualTo(Sizes.longs(n).stream().filter(x -> x % 2 == 1).map(x -> (Object) x).toList());
    assertThat(dead.committed())
        .allSatisfy(r -> assertThat(r.error()).hasMessageStartingWith("odd"));
    assertThat(dead.commits()).isEqualTo(1);
  }

  @Test
  void commitsTheDeadLettersOnAnEarlyStop() {
    MemorySink<Result<Long>> dead = Sinks.memory();
    assertThat(
            Pipe.range(0, 100)
                .mapOrDeadLetter(DeadLetterStageTest::oddFails, dead)
                .take(2)
                .toList())
        .containsExactly(0L, 2L);
    assertThat(dead.committed()).extracting(Result::input).containsExactly(1L);
  }

  @Test
  void abortsTheDeadLettersWhenTheRunFails() {
    MemorySink<Result<Long>> dead = Sinks.memory();
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                Pipe.range(0, 10)
                    .mapOrDeadLetter(DeadLetterStageTest::oddFails, dead)
                    .peek(
                        x -> {
                          if (x == 4) {
                            throw boom;
                          }
                        })
                    .count())
        .isSameAs(boom);
    assertThat(dead.commits()).isZero();
    assertThat(dead.aborts()).isEqualTo(1);
    assertThat(dead.lastAbortCause()).isSameAs(boom);
  }

  @Test
  void aFailingDeadLetterSinkFailsTheRun() {
    IllegalStateException full = new IllegalStateException("disk full");
    Sink<Result<Long>> broken =
        Sinks.forEach(
            r -> {
              throw full;
            });
    assertThatThrownBy(
            () -> Pipe.range(0, 10).mapOrDeadLetter(DeadLetterStageTest::oddFails, broken).count())
        .isSameAs(full);
  }

  @Test
  void countsTheDeadLettersInProgress() {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    Pipe.range(0, 10)
        .mapOrDeadLetter(DeadLetterStageTest::oddFails, Sinks.discard())
        .onProgress(reports::add, Duration.ofHours(1))
        .count();
    Progress last = reports.get(reports.size() - 1);
    assertThat(last.failed()).isEqualTo(5);
    assertThat(last.count()).isEqualTo(5);
  }

  @Test
  void rejectsNullArgumentsWhenBuilt() {
    assertThatThrownBy(() -> Pipe.of(1).mapOrDeadLetter(null, Sinks.discard()))
        .hasMessage("mapper must not be null");
    assertThatThrownBy(() -> Pipe.of(1).mapOrDeadLetter(x -> x, null))
        .hasMessage("deadLetters must not be null");
  }
}
