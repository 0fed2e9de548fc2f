package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GenerateSourceTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void emitsWhatTheGeneratorEmitsOnEveryRun(int n) {
    Probe probe = new Probe(n);
    Pipe<Integer> pipe = probe.pipe();
    assertThat(pipe.count()).isEqualTo(n);
    assertThat(pipe.count()).isEqualTo(n);
    assertThat(probe.finallies).hasValue(2);
  }

  @Test
  void isNeverMoreThanOneElementAheadOfItsConsumer() {
    AtomicInteger produced = new AtomicInteger();
    List<Integer> lagAtConsumer = new ArrayList<>();
    Pipe.<Integer>generate(
            out -> {
              for (int i = 1; i <= 50; i++) {
                produced.set(i);
                out.emit(i);
              }
            })
        .forEach(x -> lagAtConsumer.add(produced.get() - x));
    assertThat(lagAtConsumer).hasSize(50).containsOnly(0);
  }

  @Test
  void buildingAPipeRunsNothing() {
    AtomicInteger runs = new AtomicInteger();
    Pipe<Integer> pipe = Pipe.<Integer>generate(out -> runs.incrementAndGet()).map(x -> x + 1);
    assertThat(runs).hasValue(0);
    pipe.toList();
    assertThat(runs).hasValue(1);
  }

  @Test
  void generatorFailureAfterPartialOutputReachesTheCallerAfterTheElements() {
    IOException boom = new IOException("page 3 failed");
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Pipe.<Integer>generate(
                        out -> {
                          out.emit(1);
                          out.emit(2);
                          throw boom;
                        })
                    .forEach(seen::add))
        .isInstanceOf(PipeException.class)
        .hasCause(boom)
        .hasMessageContaining("generate (stage 0)");
    assertThat(seen).containsExactly(1, 2);
  }

  @Test
  void downstreamFailureSwallowedByTheGeneratorStillFailsTheRun() {
    IllegalStateException boom = new IllegalStateException("sink full");
    Pipe<Integer> swallowing =
        Pipe.generate(
            out -> {
              for (int i = 0; i < 10; i++) {
                try {
                  out.emit(i);
                } catch (RuntimeException e) {
                  // the generator hides the failure and goes on
                }
              }
            });
    assertThatThrownBy(
            () ->
                swallowing.forEach(
                    x -> {
                      if (x == 2) {
                        throw boom;
                      }
                    }))
        .isSameAs(boom);
  }

  @Test
  void nullGeneratorIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> Pipe.generate(null)).hasMessage("generator must not be null");
  }

  @Test
  void aNamedGeneratorIsNamedInItsFailureNote() {
    IOException boom = new IOException("page 3 failed");
    assertThatThrownBy(
            () ->
                Pipe.<Integer>generate(
                        "csv orders.csv",
                        out -> {
                          out.emit(1);
                          throw boom;
                        })
                    .toList())
        .isInstanceOf(PipeException.class)
        .hasCause(boom)
        .hasMessageContaining("csv orders.csv (stage 0)");
  }

  @Test
  void aNamedGeneratorIsNamedInProgress() {
    List<Progress> reports = new ArrayList<>();
    Pipe.<Integer>generate("numbers", out -> out.emit(1))
        .onProgress(reports::add, java.time.Duration.ofHours(1))
        .toList();
    assertThat(reports.get(reports.size() - 1).stages())
        .extracting(Progress.StageStats::stage)
        .anySatisfy(name -> assertThat(name).startsWith("numbers"));
  }

  @Test
  void aBlankOrMultiLineNameIsRejectedWhenBuilt() {
    assertThatThrownBy(() -> Pipe.generate(" ", out -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must be one non-blank line");
    assertThatThrownBy(() -> Pipe.generate("a\nb", out -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pipe.generate((String) null, out -> {}))
        .hasMessage("name must not be null");
  }
}
