package dev.sluice.cli;

import dev.sluice.Pipe;
import java.util.List;

/**
 * Splits a pipe over two threads: {@code upstream} runs on a virtual thread and hands chunks of
 * {@code chunk} elements to the thread that runs the returned pipe, at most {@code chunks} chunks
 * ahead (so at most chunk × (chunks + 2) elements in flight). Stands in for core's coming {@code
 * buffer(n)} stage.
 */
final class Handoff {
  private Handoff() {}

  static <T> Pipe<List<T>> chunks(Pipe<T> upstream, int chunk, int chunks) {
    return Pipe.using(() -> upstream.batch(chunk).iterator(chunks), Pipe::from);
  }
}
