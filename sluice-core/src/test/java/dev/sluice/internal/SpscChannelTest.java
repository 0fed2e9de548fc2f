package dev.sluice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpscChannelTest {
  @ParameterizedTest
  @CsvSource({"1, 10000", "2, 10000", "3, 5000", "1024, 200000", "7, 100000"})
  void deliversEveryElementInOrderAcrossThreads(int capacity, int n) throws Exception {
    SpscChannel<Integer> channel = new SpscChannel<>(capacity);
    Random random = new Random(capacity * 31L + n);
    Thread producer =
        Thread.ofVirtual()
            .start(
                () -> {
                  for (int i = 0; i < n; i++) {
                    if (random.nextInt(1000) == 0) {
                      Thread.yield();
                    }
                    channel.put(i);
                  }
                  channel.complete(null);
                });
    int expected = 0;
    for (Object item; (item = channel.take()) != SpscChannel.END; expected++) {
      assertThat(item).isEqualTo(expected);
    }
    assertThat(expected).isEqualTo(n);
    producer.join();
  }

  /**
   * A consumer that caught up waits briefly for a batch, but never for an element the producer has
   * not sent: here the producer sends the next element only after the previous one was taken.
   */
  @ParameterizedTest
  @CsvSource({"1024", "16", "1"})
  void aLoneElementIsNeverHeldBackForABatch(int capacity) throws Exception {
    SpscChannel<Integer> channel = new SpscChannel<>(capacity);
    SynchronousQueue<Integer> taken = new SynchronousQueue<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread producer =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    for (int i = 0; i < 200; i++) {
                      channel.put(i);
                      assertThat(taken.poll(10, TimeUnit.SECONDS)).isEqualTo(i);
                    }
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                  channel.complete(null);
                });
    for (Object item; (item = channel.take()) != SpscChannel.END; ) {
      taken.put((Integer) item);
    }
    producer.join();
    assertThat(failure.get()).isNull();
  }

  @Test
  void cancelMakesABlockedProducerGiveUp() throws Exception {
    SpscChannel<Integer> channel = new SpscChannel<>(2);
    AtomicReference<Boolean> lastPut = new AtomicReference<>();
    Thread producer =
        Thread.ofVirtual()
            .start(
                () -> {
                  boolean ok = true;
                  for (int i = 0; ok; i++) {
                    ok = channel.put(i);
                  }
                  lastPut.set(ok);
                });
    assertThat(channel.take()).isEqualTo(0);
    channel.cancel();
    producer.join(5_000);
    assertThat(producer.isAlive()).isFalse();
    assertThat(lastPut.get()).isFalse();
  }

  @Test
  void failureIsHandedOverAfterTheElements() throws Exception {
    SpscChannel<String> channel = new SpscChannel<>(4);
    IllegalStateException boom = new IllegalStateException("boom");
    channel.put("a");
    channel.complete(boom);
    assertThat(channel.take()).isEqualTo("a");
    assertThat(channel.take()).isSameAs(SpscChannel.END);
    assertThat(channel.failure()).isSameAs(boom);
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new SpscChannel<>(0)).hasMessage("capacity must be >= 1, was 0");
  }
}
