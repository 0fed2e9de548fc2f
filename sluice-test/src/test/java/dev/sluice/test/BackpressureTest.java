package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import org.junit.jupiter.api.Test;

class BackpressureTest {
  @Test
  void aSynchronousChainIsOneElementAhead() {
    assertThat(Backpressure.maxAhead(p -> p.map(x -> x + 1), 500)).isEqualTo(1);
  }

  @Test
  void aBufferRunsAtMostItsCapacityAhead() {
    // the buffer's 16, the element the producer is handing over, and the consumer's
    long ahead = Backpressure.maxAhead(p -> p.buffer(16), 2_000);
    assertThat(ahead).isBetween(1L, 16L + 2);
  }

  @Test
  void anyCountCanBeTheProducersMeasure() {
    long[] pages = {0};
    Pipe<Integer> paged =
        Pipe.generate(
            out -> {
              for (int i = 0; i < 100; i++) {
                pages[0]++;
                out.emit(i);
              }
            });
    assertThat(Backpressure.maxAhead(paged, () -> pages[0])).isEqualTo(1);
  }
}
