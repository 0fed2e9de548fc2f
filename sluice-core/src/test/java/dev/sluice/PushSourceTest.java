package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code Pipe.push}: a callback API's elements through a bounded queue, by overflow policy. */
class PushSourceTest {
  /** A registration that counts its closes. */
  final AtomicInteger unregistered = new AtomicInteger();

  /** Offers 1..n on the run's thread while registering, then completes (when asked). */
  Pipe<Integer> offeringWhileRegistering(int capacity, Overflow overflow, int n, boolean complete) {
    return Pipe.push(
        capacity,
        overflow,
        feed -> {
          for (int i = 1; i <= n; i++) {
            feed.offer(i);
          }
          if (complete) {
            feed.complete();
          }
          return unregistered::incrementAndGet;
        });
  }

  @Test
  void blockHandsOverEveryElementInOrderFromAnotherThread() {
    List<Integer> got =
        Pipe.<Integer>push(
                4,
                Overflow.BLOCK,
                feed -> {
                  Thread producer =
                      Thread.ofVirtual()
                          .start(
                              () -> {
                                for (int i = 0; i < 10_000 && feed.offer(i); i++) {}
                                feed.complete();
                              });
                  return () -> {
                    unregistered.incrementAndGet();
                    producer.join();
                  };
                })
            .toList();
    assertThat(got).hasSize(10_000).isSorted();
    assertThat(unregistered).hasValue(1);
  }

  @Test
  void blockMakesTheProducerWaitWhileTheQueueIsFull() throws Exception {
    AtomicInteger attempted = new AtomicInteger();
    AtomicReference<Thread> producer = new AtomicReference<>();
    CountDownLatch consumerMayGoOn = new CountDownLatch(1);
    List<Integer> got = new ArrayList<>();
    Thread run =
        Thread.ofVirtual()
            .start(
                () ->
                    Pipe.<Integer>push(
                            2,
                            Overflow.BLOCK,
                            feed -> {
                              producer.set(
                                  Thread.ofVirtual()
                                      .start(
                                          () -> {
                                            for (int i = 0; i < 10; i++) {
                                              attempted.incrementAndGet();
                                              feed.offer(i);
                                            }
                                            feed.complete();
                                          }));
                              return unregistered::incrementAndGet;
                            })
                        .forEach(
                            i -> {
                              got.add(i);
                              if (i == 0) {
                                consumerMayGoOn.await();
                              }
                            }));
    // the consumer holds element 0; 2 wait in the queue; the producer waits with its 4th
    while (attempted.get() < 4 || producer.get().getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
    assertThat(attempted).hasValue(4);
    consumerMayGoOn.countDown();
    run.join();
    assertThat(got).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void dropOldestKeepsTheNewestAndCountsTheDropsInProgress() {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    List<Integer> got =
        offeringWhileRegistering(3, Overflow.DROP_OLDEST, 10, true)
            .onProgress(reports::add, Duration.ofHours(1))
            .toList();
    assertThat(got).containsExactly(8, 9, 10);
    Progress last = reports.get(reports.size() - 1);
    assertThat(last.dropped()).isEqualTo(7);
    assertThat(last.report()).contains("7 dropped");
    assertThat(unregistered).hasValue(1);
  }

  @Test
  void dropNewestKeepsTheOldestAndCountsTheDropsInProgress() {
    List<Progress> reports = new CopyOnWriteArrayList<>();
    List<Integer> got =
        offeringWhileRegistering(3, Overflow.DROP_NEWEST, 10, true)
            .onProgress(reports::add, Duration.ofHours(1))
            .toList();
    assertThat(got).containsExactly(1, 2, 3);
    assertThat(reports.get(reports.size() - 1).dropped()).isEqualTo(7);
  }

  @Test
  void failFailsTheRunNamingTheCapacityAndUnregisters() {
    AtomicBoolean fourthTaken = new AtomicBoolean(true);
    Pipe<Integer> feed =
        Pipe.push(
            3,
            Overflow.FAIL,
            f -> {
              for (int i = 1; i <= 3; i++) {
                f.offer(i);
              }
              fourthTaken.set(f.offer(4));
              return unregistered::incrementAndGet;
            });
    assertThatThrownBy(feed::toList)
        .isInstanceOf(PipeException.class)
        .hasMessageContaining("3 elements queued (capacity)");
    assertThat(fourthTaken).isFalse();
    assertThat(unregistered).hasValue(1);
  }

  @Test
  void theElementsOfferedBeforeAFailureArriveBeforeIt() {
    List<Integer> seen = new java.util.ArrayList<>();
    Pipe<Integer> feed =
        Pipe.push(
            5,
            Overflow.BLOCK,
            f -> {
              f.offer(1);
              f.offer(2);
              f.fail(new IllegalStateException("feed broke"));
              return unregistered::incrementAndGet;
            });
    assertThatThrownBy(() -> feed.forEach(seen::add)).hasMessage("feed broke");
    assertThat(seen).containsExactly(1, 2);
    assertThat(unregistered).hasValue(1);
  }

  @Test
  void blockOnTheRunsOwnThreadFailsInsteadOfWaitingForItself() {
    assertThatThrownBy(() -> offeringWhileRegistering(2, Overflow.BLOCK, 3, true).toList())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("would wait for itself");
  }

  @Test
  void anEarlyStopUnregistersAndLaterOffersReturnFalse() {
    AtomicReference<PushFeed<Integer>> kept = new AtomicReference<>();
    List<Integer> got =
        Pipe.<Integer>push(
                10,
                Overflow.BLOCK,
                feed -> {
                  kept.set(feed);
                  for (int i = 1; i <= 5; i++) {
                    feed.offer(i);
                  }
                  return unregistered::incrementAndGet;
                })
            .take(2)
            .toList();
    assertThat(got).containsExactly(1, 2);
    assertThat(unregistered).hasValue(1);
    assertThat(kept.get().offer(6)).isFalse();
  }

  @Test
  void aFailureDownstreamOrFromTheProducerUnregisters() {
    assertThatThrownBy(
            () ->
                offeringWhileRegistering(5, Overflow.BLOCK, 3, false)
                    .map(
                        i -> {
                          throw new IllegalArgumentException("bad " + i);
                        })
                    .toList())
        .hasMessage("bad 1");
    assertThat(unregistered).hasValue(1);
    Pipe<Integer> failing =
        Pipe.push(
            5,
            Overflow.BLOCK,
            feed -> {
              feed.offer(1);
              feed.fail(new IllegalStateException("feed broke"));
              return unregistered::incrementAndGet;
            });
    assertThatThrownBy(failing::toList).hasMessage("feed broke");
    assertThat(unregistered).hasValue(2);
  }

  @Test
  void cancellingARunWaitingForElementsUnregistersAndWakesABlockedProducer() throws Exception {
    Cancellation cancel = new Cancellation();
    CountDownLatch registered = new CountDownLatch(1);
    AtomicReference<PushFeed<Integer>> kept = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread run =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Pipe.<Integer>push(
                            1,
                            Overflow.BLOCK,
                            feed -> {
                              kept.set(feed);
                              registered.countDown();
                              return unregistered::incrementAndGet;
                            })
                        .withCancellation(cancel)
                        .forEach(i -> {});
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                });
    assertThat(registered.await(30, TimeUnit.SECONDS)).isTrue();
    cancel.cancel();
    run.join();
    assertThat(failure.get()).isInstanceOf(PipeCancelledException.class);
    assertThat(unregistered).hasValue(1);
    assertThat(kept.get().offer(1)).isFalse();
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    assertThatThrownBy(() -> Pipe.push(0, Overflow.BLOCK, f -> () -> {}))
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> Pipe.push(1, null, f -> () -> {}))
        .hasMessage("overflow must not be null");
    assertThatThrownBy(() -> Pipe.push(1, Overflow.BLOCK, null))
        .hasMessage("register must not be null");
  }
}
