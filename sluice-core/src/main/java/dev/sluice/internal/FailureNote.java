package dev.sluice.internal;

/**
 * A suppressed note on a failure that says which stage raised it and which element of the source
 * was on its way through at the time. It has no stack trace of its own; it shows in the failure's
 * printout and, for wrapped checked exceptions, in the {@link dev.sluice.PipeException} message.
 *
 * <p>Stages name themselves; the source adds its position when the failure passes back through its
 * loop, so no stage has to count elements on the hot path.
 */
public final class FailureNote extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String where;
  private String source;
  private long element = -1;

  FailureNote(String where) {
    super(where, null, false, false);
    this.where = where;
  }

  void atSourceElement(String source, long element) {
    if (this.element < 0) {
      this.source = source;
      this.element = element;
    }
  }

  @Override
  public String getMessage() {
    if (element < 0) {
      return "in " + where;
    }
    if (where.equals(source)) {
      return "in " + where + " on element " + (element + 1) + " (counting from 1)";
    }
    return "in " + where + ", with element " + (element + 1) + " of " + source + " on its way";
  }
}
