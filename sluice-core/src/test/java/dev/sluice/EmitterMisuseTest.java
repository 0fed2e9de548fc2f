package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** An emitter used from a thread other than its run's, or after its run, fails loudly. */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class EmitterMisuseTest {
  /** A generator that emits once from a thread of its own and rethrows what that emit threw. */
  private static Pipe<Integer> emitsFromAnotherThread() {
    return Pipe.generate(
        out -> {
          AtomicReference<Throwable> thrown = new AtomicReference<>();
          Thread other =
              Thread.ofVirtual()
                  .name("user-thread")
                  .start(
                      () -> {
                        try {
                          out.emit(1);
                        } catch (Throwable t) {
                          thrown.set(t);
                        }
                      });
          other.join();
          if (thrown.get() instanceof RuntimeException e) {
            throw e;
          }
        });
  }

  @Test
  void anEmitFromAnotherThreadFailsNamingBothThreads() {
    for (int run = 0; run < 300; run++) {
      List<Integer> seen = new ArrayList<>();
      assertThatThrownBy(() -> emitsFromAnotherThread().forEach(seen::add))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageContaining("emit called from thread user-thread")
          .hasMessageContaining("emit only from the thread that runs the generator");
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void anEmitFromAnotherThreadFailsBehindABufferInsteadOfHanging() {
    for (int run = 0; run < 300; run++) {
      assertThatThrownBy(() -> emitsFromAnotherThread().buffer(4).toList())
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageContaining("emit called from thread user-thread");
    }
    assertThat(Diagnostics.liveThreads()).isZero();
  }

  @Test
  void anEmitterKeptAfterItsRunFailsAndNeverCallsTheConsumer() {
    AtomicReference<Emitter<Integer>> kept = new AtomicReference<>();
    List<Integer> seen = new ArrayList<>();
    Pipe.<Integer>generate(
            out -> {
              kept.set(out);
              out.emit(1);
            })
        .forEach(seen::add);
    assertThatThrownBy(() -> kept.get().emit(2))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("emit called after the run of generate");
    assertThat(seen).containsExactly(1);
  }

  @Test
  void aStageEmitterKeptAfterItsRunFails() {
    AtomicReference<Emitter<Long>> kept = new AtomicReference<>();
    Stage<Long, Long> keeper =
        () ->
            (item, out) -> {
              kept.set(out);
              out.emit(item);
              return true;
            };
    assertThat(Pipe.range(0, 3).via(keeper).toList()).containsExactly(0L, 1L, 2L);
    assertThatThrownBy(() -> kept.get().emit(9L))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the run");
  }

  @Test
  void aStageAfterATimeoutEmitsFromTheRunsThread() {
    Stage<Long, Long> pairs =
        () ->
            new Stage.Integrator<>() {
              long held = -1;

              @Override
              public boolean push(Long item, Emitter<Long> out) {
                if (held >= 0) {
                  out.emit(held + item);
                  held = -1;
                } else {
                  held = item;
                }
                return true;
              }

              @Override
              public void finish(Emitter<Long> out) {
                if (held >= 0) {
                  out.emit(held);
                }
              }
            };
    assertThat(Pipe.range(0, 5).timeout(java.time.Duration.ofMinutes(5)).via(pairs).toList())
        .containsExactly(1L, 5L, 4L);
  }
}
