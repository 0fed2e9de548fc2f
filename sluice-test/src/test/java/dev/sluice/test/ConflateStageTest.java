package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Diagnostics;
import dev.sluice.Pipe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ConflateStageTest {
  @Test
  void keepsOnlyTheLatestWhileTheConsumerIsBusy() {
    CountDownLatch took = new CountDownLatch(1);
    CountDownLatch produced = new CountDownLatch(1);
    List<Integer> seen = new ArrayList<>();
    Pipe.<Integer>generate(
            out -> {
              out.emit(1);
              took.await();
              out.emit(2);
              out.emit(3);
              out.emit(4);
              produced.countDown();
            })
        .conflate()
        .forEach(
            x -> {
              seen.add(x);
              if (x == 1) {
                took.countDown();
                produced.await();
              }
            });
    assertThat(seen).containsExactly(1, 4);
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void passesEverythingToAConsumerThatWaitsForEachElement() {
    for (int n : new int[] {0, 1, 10, 33, 99}) {
      CountDownLatch[] taken = new CountDownLatch[n];
      for (int i = 0; i < n; i++) {
        taken[i] = new CountDownLatch(1);
      }
      List<Integer> seen = new ArrayList<>();
      Pipe.<Integer>generate(
              out -> {
                for (int i = 0; i < n; i++) {
                  out.emit(i);
                  taken[i].await();
                }
              })
          .conflate()
          .forEach(
              x -> {
                seen.add(x);
                taken[x].countDown();
              });
      assertThat(seen).hasSize(n);
    }
  }

  @Test
  void deliversTheHeldElementBeforeTheFailure() {
    IOException boom = new IOException("boom");
    CountDownLatch took = new CountDownLatch(1);
    CountDownLatch produced = new CountDownLatch(1);
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Pipe.<Integer>generate(
                        out -> {
                          out.emit(1);
                          took.await();
                          out.emit(2);
                          produced.countDown();
                          throw boom;
                        })
                    .conflate()
                    .forEach(
                        x -> {
                          seen.add(x);
                          if (x == 1) {
                            took.countDown();
                            produced.await();
                          }
                        }))
        .hasCause(boom);
    assertThat(seen).containsExactly(1, 2);
  }
}
