package dev.sluice.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.PipeException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
  void delaysBetweenElements() {
    ScriptedSource<Integer> source =
        ScriptedSource.<Integer>builder().emit(1).delay(Duration.ofMillis(30)).emit(2).build();
    long start = System.nanoTime();
    assertThat(source.pipe().toList()).containsExactly(1, 2);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30_000_000L);
  }
}
