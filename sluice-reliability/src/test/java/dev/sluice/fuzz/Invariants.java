package dev.sluice.fuzz;

import dev.sluice.Pipe;
import dev.sluice.PipeException;
import dev.sluice.io.BadInputException;
import dev.sluice.io.Input;
import java.io.ByteArrayInputStream;

/**
 * The invariant every reader keeps on any input: it returns elements, or throws the documented
 * {@link BadInputException} that names the input; never anything else.
 */
final class Invariants {
  static final String NAME = "fuzz-input";

  private Invariants() {}

  static Input input(byte[] data) {
    return Input.stream(NAME, () -> new ByteArrayInputStream(data));
  }

  /** Runs {@code pipe} to its end; a bad-input failure must name the input. */
  static long elementsOrBadInput(Pipe<?> pipe) {
    try {
      return pipe.count();
    } catch (BadInputException e) {
      if (!e.getMessage().startsWith(NAME)) {
        throw new AssertionError("bad input that does not name the input: " + e.getMessage(), e);
      }
      return -1;
    } catch (PipeException e) {
      throw new AssertionError("a checked failure instead of bad input: " + e.getCause(), e);
    }
  }
}
