package dev.sluice;

/**
 * A source written as plain code: it calls {@link Emitter#emit} for each element and returns at the
 * end. It may block (on I/O, a lock, a sleep) and may throw checked exceptions; it runs once per
 * run of its pipe, on the thread that runs the pipe.
 *
 * <pre>{@code
 * Pipe<String> lines = Pipe.generate(out -> {
 *   try (var reader = Files.newBufferedReader(path)) {
 *     for (String line; (line = reader.readLine()) != null; ) out.emit(line);
 *   }
 * });
 * }</pre>
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface Generator<T> {
  /** Emits the elements of one run. */
  void generate(Emitter<T> out) throws Exception;
}
