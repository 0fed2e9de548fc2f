package dev.sluice;

/**
 * A custom stage for {@link Pipe#via(Stage)}, shaped like {@code java.util.stream.Gatherer}: each
 * run calls {@link #start()} for fresh per-run state, pushes every element to {@link
 * Integrator#push}, and calls {@link Integrator#finish} at the end of the input, never after an
 * early stop (a {@code push} that returned {@code false}, or downstream wanting no more). Both may
 * emit any number of elements.
 *
 * <pre>{@code
 * Stage<String, String> nonBlankTrimmed = () -> (line, out) -> {
 *   if (!line.isBlank()) out.emit(line.strip());
 *   return true;
 * };
 * }</pre>
 *
 * @param <T> the input element type
 * @param <R> the output element type
 */
@FunctionalInterface
public interface Stage<T, R> {
  /** Creates the state of one run. */
  Integrator<T, R> start() throws Exception;

  /**
   * This stage followed by {@code next}, as one stage: what this one emits goes straight into
   * {@code next} on the same thread, nothing is held in between, and a stop asked by {@code next}
   * stops this one. When this one stops itself, {@code next} finishes, as at the end of its input.
   * Lets a team ship a chain of stages as one value; {@link Pipe#via} runs it as one {@code via} of
   * each part in turn, at the same cost.
   *
   * <pre>{@code
   * Stage<String, String> clean = trim.andThen(nonBlank).andThen(lowerCase);
   * lines.via(clean).forEach(System.out::println);
   * }</pre>
   */
  default <V> Stage<T, V> andThen(Stage<? super R, V> next) {
    return new dev.sluice.internal.StageChain<>(this, next);
  }

  /**
   * The per-run part of a stage; used by one thread at a time.
   *
   * @param <T> the input element type
   * @param <R> the output element type
   */
  @FunctionalInterface
  interface Integrator<T, R> {
    /** Handles one element; returns {@code false} to stop the run early (upstream then stops). */
    boolean push(T item, Emitter<R> out) throws Exception;

    /** Called once when the input ended normally; may emit what the stage held back. */
    default void finish(Emitter<R> out) throws Exception {}
  }
}
