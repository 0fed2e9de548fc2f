package dev.sluice;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/** The input sizes every operator test runs over, and inputs of those sizes. */
final class Sizes {
  private Sizes() {}

  static IntStream sizes() {
    return IntStream.of(0, 1, 10, 33, 99, 9999);
  }

  static List<Long> longs(int n) {
    return LongStream.range(0, n).boxed().toList();
  }
}
