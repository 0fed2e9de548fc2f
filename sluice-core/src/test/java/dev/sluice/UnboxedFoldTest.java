package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code reduce} and {@code fold} from a {@code Long}, {@code Integer} or {@code Double} identity
 * keep the running value unboxed; they must return exactly what a generic fold returns.
 */
class UnboxedFoldTest {
  @ParameterizedTest
  @MethodSource("dev.sluice.Sizes#sizes")
  void sumsAgreeWithAPlainLoop(int n) {
    List<Long> longs = Sizes.longs(n);
    List<Integer> ints = IntStream.range(0, n).map(i -> i * 7 - 300).boxed().toList();
    List<Double> doubles = IntStream.range(0, n).mapToDouble(i -> i / 3.0).boxed().toList();

    assertThat(Pipe.from(longs).reduce(0L, Long::sum)).isEqualTo(plainFold(longs, 0L, Long::sum));
    assertThat(Pipe.from(ints).reduce(0, Integer::sum)).isEqualTo(plainFold(ints, 0, Integer::sum));
    assertThat(Pipe.from(ints).reduce(Integer.MIN_VALUE, Integer::max))
        .isEqualTo(plainFold(ints, Integer.MIN_VALUE, Integer::max));
    assertThat(Pipe.from(doubles).reduce(0.0, Double::sum))
        .isEqualTo(plainFold(doubles, 0.0, Double::sum));
    assertThat(Pipe.from(ints).fold(1L, (acc, x) -> acc * 31 + x))
        .isEqualTo(plainFold(ints, 1L, (acc, x) -> acc * 31 + x));
  }

  @Test
  void anEmptyRunReturnsTheIdentityItself() {
    Long longIdentity = 1_000_000L;
    Integer intIdentity = 1_000_000;
    Double doubleIdentity = -0.0;
    assertThat(Pipe.<Long>of().reduce(longIdentity, Long::sum)).isSameAs(longIdentity);
    assertThat(Pipe.<Integer>of().reduce(intIdentity, Integer::sum)).isSameAs(intIdentity);
    assertThat(Pipe.<Double>of().reduce(doubleIdentity, Double::sum)).isSameAs(doubleIdentity);
  }

  @Test
  void doublesKeepTheirSignAndNaN() {
    assertThat(Pipe.of(-0.0).reduce(0.0, (a, b) -> b)).isEqualTo(-0.0);
    assertThat(Pipe.of(1.0, Double.NaN).reduce(0.0, Double::sum)).isNaN();
  }

  /** Seeded random runs where the function sometimes returns a null or a wider Number. */
  @ParameterizedTest
  @MethodSource("seeds")
  void aFunctionLeavingTheBoxedTypeCarriesOnGenerically(long seed) {
    Random random = new Random(seed);
    List<Number> in = new ArrayList<>();
    for (int i = random.nextInt(200); i > 0; i--) {
      in.add(
          switch (random.nextInt(10)) {
            case 0 -> random.nextDouble();
            case 1 -> random.nextInt(100);
            default -> (long) random.nextInt(1000);
          });
    }
    int nullAt = random.nextInt(Math.max(1, in.size() * 2));
    CheckedBiFunction<Number, Number, Number> fn =
        (acc, x) -> {
          if (x.intValue() == nullAt) {
            return null;
          }
          if (acc == null) {
            return x;
          }
          if (acc instanceof Long a && x instanceof Long b) {
            return a + b;
          }
          return acc.doubleValue() + x.doubleValue();
        };
    for (Number identity : List.<Number>of(0L, 0, 0.0)) {
      assertThat(Pipe.from(in).reduce(identity, fn))
          .as("seed %d, identity %s", seed, identity)
          .isEqualTo(plainFold(in, identity, fn));
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  @Test
  void aFailingFunctionSurfacesByTheErrorRule() {
    IOException boom = new IOException("boom");
    assertThatThrownBy(
            () ->
                Pipe.range(0, 10)
                    .reduce(
                        0L,
                        (a, b) -> {
                          if (b == 3) {
                            throw boom;
                          }
                          return a + b;
                        }))
        .isExactlyInstanceOf(PipeException.class)
        .hasCause(boom)
        .hasMessageContaining("reduce (terminal)");
  }

  @Test
  void theFunctionIsCalledOncePerElement() {
    int[] calls = {0};
    long sum =
        Pipe.range(0, 1000)
            .reduce(
                0L,
                (a, b) -> {
                  calls[0]++;
                  return a + b;
                });
    assertThat(sum).isEqualTo(499_500L);
    assertThat(calls[0]).isEqualTo(1000);
  }

  private static <A, T> A plainFold(
      List<T> in, A identity, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
    A acc = identity;
    try {
      for (T x : in) {
        acc = fn.apply(acc, x);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return acc;
  }
}
