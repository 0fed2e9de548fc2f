package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FromSourcesTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void ofAndFromIterableReRun(int n) {
    Pipe<Long> fromList = Pipe.from(Sizes.longs(n));
    assertThat(fromList.toList()).isEqualTo(Sizes.longs(n));
    assertThat(fromList.toList()).isEqualTo(Sizes.longs(n));
    assertThat(Pipe.of(Sizes.longs(n).toArray(Long[]::new)).toList()).isEqualTo(Sizes.longs(n));
  }

  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void fromStreamRunsOnceAndClosesTheStream(int n) {
    AtomicBoolean closed = new AtomicBoolean();
    Pipe<Long> pipe = Pipe.from(Sizes.longs(n).stream().onClose(() -> closed.set(true)));
    assertThat(pipe.toList()).isEqualTo(Sizes.longs(n));
    assertThat(closed).isTrue();
    assertThatThrownBy(pipe::toList)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can run only once");
  }

  @Test
  void fromStreamClosesTheStreamOnEarlyStop() {
    AtomicBoolean closed = new AtomicBoolean();
    Pipe.from(Stream.iterate(0, i -> i + 1).onClose(() -> closed.set(true))).take(3).toList();
    assertThat(closed).isTrue();
  }

  @Test
  void fromIteratorRunsOnce() {
    Pipe<Integer> pipe = Pipe.from(java.util.List.of(1, 2).iterator());
    assertThat(pipe.toList()).containsExactly(1, 2);
    assertThatThrownBy(pipe::toList).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void failedFailsEveryRun() {
    IllegalStateException boom = new IllegalStateException("no");
    Pipe<Object> pipe = Pipe.failed(boom);
    assertThatThrownBy(pipe::toList).isSameAs(boom);
    assertThatThrownBy(pipe::count).isSameAs(boom);
  }
}
