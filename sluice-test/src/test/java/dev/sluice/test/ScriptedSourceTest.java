package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.PipeException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ScriptedSourceTest {
  @Test
  void playsItsScriptOnEveryRunAndCountsUse() {
    ScriptedSource<String> source = ScriptedSource.of(List.of("a", "b", "c"));
    assertThat(source.pipe().toList()).containsExactly("a", "b", "c");
    assertThat(source.pipe().take(1).toList()).containsExactly("a");
    assertThat(source.pulled()).isEqualTo(4);
    assertThat(source.pulledInLastRun()).isEqualTo(1);
    assertThat(source.opens()).isEqualTo(2);
    assertThat(source.closes()).isEqualTo(2);
    assertThat(source.finallies()).isEqualTo(2);
    assertThat(source.allClosed()).isTrue();
  }

  @Test
  void failsWithAFreshFailureAtItsPosition() {
    ScriptedSource<Integer> source =
        ScriptedSource.<Integer>builder().emit(1).fail(() -> new IOException("x")).build();
    assertThatThrownBy(() -> source.pipe().toList())
        .isInstanceOf(PipeException.class)
        .hasRootCauseMessage("x");
    assertThat(source.pulled()).isEqualTo(1);
    assertThat(source.allClosed()).isTrue();
  }

  @Test
  void delaysWaitOnTheScriptsClock() throws Exception {
    VirtualClock clock = new VirtualClock();
    ScriptedSource<Integer> source =
        ScriptedSource.<Integer>builder()
            .clock(clock)
            .emit(1)
            .delay(Duration.ofHours(1))
            .emit(2)
            .build();
    List<Integer> seen = new CopyOnWriteArrayList<>();
    Thread runner = Thread.ofVirtual().start(() -> source.pipe().forEach(seen::add));
    clock.awaitParked(1);
    assertThat(seen).containsExactly(1);
    assertThat(runner.isAlive()).isTrue();
    clock.advance(Duration.ofHours(1));
    runner.join();
    assertThat(seen).containsExactly(1, 2);
    assertThat(source.allClosed()).isTrue();
  }

  @Test
  void theClockAlsoDrivesTheTimedStagesAfterIt() throws Exception {
    VirtualClock clock = new VirtualClock();
    ScriptedSource<Integer> source =
        ScriptedSource.<Integer>builder()
            .clock(clock)
            .emit(1)
            .delay(Duration.ofHours(1))
            .emit(2)
            .build();
    List<List<Integer>> seen = new CopyOnWriteArrayList<>();
    Thread runner =
        Thread.ofVirtual()
            .start(() -> source.pipe().batch(10, Duration.ofMinutes(1)).forEach(seen::add));
    clock.awaitParked(2);
    clock.advance(Duration.ofMinutes(1));
    while (seen.isEmpty() && runner.isAlive()) {
      Thread.onSpinWait(); // the batch's deadline passed; wait for it to arrive
    }
    assertThat(seen).containsExactly(List.of(1));
    assertThat(clock.parked()).isEqualTo(1); // the script still waits for its hour
    clock.advance(Duration.ofHours(1));
    runner.join();
    assertThat(seen).containsExactly(List.of(1), List.of(2));
  }
}
