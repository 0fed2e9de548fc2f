package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import dev.sluice.PipeException;
import dev.sluice.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final RetryPolicy NO_WAIT =
      RetryPolicy.attempts(3).withBackoff(Duration.ZERO, 1, Duration.ZERO).withJitter(0);

  @Test
  void retriesAFailingCallUntilItSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    List<Integer> got =
        Pipe.of(1)
            .mapRetry(
                NO_WAIT,
                x -> {
                  if (calls.incrementAndGet() < 3) {
                    throw new IOException("flaky");
                  }
                  return x * 10;
                })
            .toList();
    assertThat(got).containsExactly(10);
    assertThat(calls).hasValue(3);
  }

  @Test
  void waitsWithExponentialBackoffOnThePipesClock() throws Exception {
    VirtualClock clock = new VirtualClock();
    AtomicInteger calls = new AtomicInteger();
    RetryPolicy policy =
        RetryPolicy.attempts(3)
            .withBackoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(1))
            .withJitter(0);
    CompletableFuture<List<Integer>> result = new CompletableFuture<>();
    Thread.ofPlatform()
        .start(
            () ->
                result.complete(
                    Pipe.of(1)
                        .withClock(clock)
                        .mapRetry(
                            policy,
                            x -> {
                              if (calls.incrementAndGet() < 3) {
                                throw new IOException("flaky");
                              }
                              return x;
                            })
                        .toList()));
    clock.awaitParked(1);
    clock.advance(Duration.ofSeconds(1));
    clock.awaitParked(1);
    assertThat(calls).hasValue(2);
    clock.advance(Duration.ofSeconds(1)); // the second wait is two seconds
    assertThat(clock.parked()).isEqualTo(1);
    assertThat(calls).hasValue(2);
    clock.advance(Duration.ofSeconds(1));
    assertThat(result.get(10, TimeUnit.SECONDS)).containsExactly(1);
    assertThat(calls).hasValue(3);
  }

  @Test
  void theLastFailureCarriesTheEarlierOnesAsSuppressed() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                Pipe.of(1)
                    .mapRetry(
                        NO_WAIT,
                        x -> {
                          throw new IOException("attempt " + calls.incrementAndGet());
                        })
                    .toList())
        .isExactlyInstanceOf(PipeException.class)
        .cause()
        .hasMessage("attempt 3")
        .satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty());
  }

  @Test
  void doesNotRetryFailuresThePolicyExcludes() {
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException bad = new IllegalStateException("bad");
    assertThatThrownBy(
            () ->
                Pipe.of(1)
                    .mapRetry(
                        NO_WAIT.retryOn(e -> e instanceof IOException),
                        x -> {
                          calls.incrementAndGet();
                          throw bad;
                        })
                    .toList())
        .isSameAs(bad);
    assertThat(calls).hasValue(1);
  }

  @Test
  void retryingAWholePipeDeliversEachElementOnce() {
    AtomicInteger runs = new AtomicInteger();
    Pipe<Integer> flaky =
        Pipe.generate(
            out -> {
              int run = runs.incrementAndGet();
              for (int i = 0; i < 6; i++) {
                if (i == 2 * run) {
                  throw new IOException("dropped connection");
                }
                out.emit(i);
              }
            });
    assertThat(flaky.retry(NO_WAIT).toList()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(runs).hasValue(3);
  }

  @Test
  void aFailureDownstreamOfTheRetryIsNotRetried() {
    ScriptedSource<Integer> source = ScriptedSource.ofRange(5);
    IllegalStateException bad = new IllegalStateException("bad");
    assertThatThrownBy(
            () ->
                source
                    .pipe()
                    .retry(NO_WAIT)
                    .forEach(
                        x -> {
                          throw bad;
                        }))
        .isSameAs(bad);
    assertThat(source.opens()).isEqualTo(1);
  }

  @Test
  void jitterKeepsEachWaitWithinItsFraction() {
    RetryPolicy policy =
        RetryPolicy.attempts(10)
            .withBackoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(5))
            .withJitter(0.5);
    for (int i = 0; i < 100; i++) {
      assertThat(policy.delayAfter(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
      assertThat(policy.delayAfter(6)).isBetween(Duration.ofMillis(2500), Duration.ofMillis(7500));
    }
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> RetryPolicy.attempts(0)).hasMessage("maxAttempts must be >= 1, was 0");
    assertThatThrownBy(() -> NO_WAIT.withJitter(2))
        .hasMessage("jitter must be between 0 and 1, was 2.0");
    assertThatThrownBy(() -> Pipe.of(1).retry(null)).hasMessage("policy must not be null");
  }
}
