package dev.sluice.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How {@link Csv} reads: the dialect, strictness and FastCSV's limits. Strict by default: a ragged
 * row, an unclosed quote, characters after a closing quote, a duplicate header name and malformed
 * bytes are errors naming the line. A leading byte order mark is always dropped. Immutable; start
 * from {@link #defaults()} and change one setting at a time with the {@code with…} methods, so a
 * new setting never breaks a caller. {@link #toString()} lists every value.
 *
 * <ul>
 *   <li>{@code fieldSeparator} (default ','), {@code quoteCharacter} (default '"');
 *   <li>{@code charset} (default UTF-8) and {@code malformed}, what to do with bytes not valid in
 *       it (default REPORT);
 *   <li>{@code lenient}: accept records shorter than the header (the missing fields are empty) and
 *       an unclosed quote at the end (default false); a record longer than the header and
 *       characters after a closing quote stay errors (the extra fields would be lost);
 *   <li>{@code allowDuplicateHeader}: accept a header that names a column twice (default false);
 *   <li>{@code maxFields}, {@code maxFieldSize}, {@code maxRecordSize} and {@code maxBufferSize}:
 *       the limits, in fields and characters, that keep memory bounded; an input past one fails
 *       with a {@link BadInputException} naming it;
 *   <li>{@code decodeAhead}: decode the bytes on a thread of its own, a few blocks ahead (default
 *       false).
 * </ul>
 */
public final class CsvSettings {
  /** The default for {@link #maxFields()}. */
  public static final int DEFAULT_MAX_FIELDS = 16 * 1024;

  /** The default for {@link #maxFieldSize()}: 8 MiB characters. */
  public static final int DEFAULT_MAX_FIELD_SIZE = 8 << 20;

  /** The default for {@link #maxRecordSize()}: 8 MiB characters. */
  public static final int DEFAULT_MAX_RECORD_SIZE = 8 << 20;

  /** The default for {@link #maxBufferSize()}: 8 MiB characters. */
  public static final int DEFAULT_MAX_BUFFER_SIZE = 8 << 20;

  /** The number of blocks {@link #decodeAhead()} reads ahead. */
  public static final int DECODE_AHEAD_BLOCKS = 4;

  private static final CsvSettings DEFAULTS = new CsvSettings();

  // Set only on a fresh copy inside a with… method, before it is returned: immutable once seen.
  private char fieldSeparator = ',';
  private char quoteCharacter = '"';
  private Charset charset = StandardCharsets.UTF_8;
  private MalformedInput malformed = MalformedInput.REPORT;
  private boolean lenient;
  private boolean allowDuplicateHeader;
  private int maxFields = DEFAULT_MAX_FIELDS;
  private int maxFieldSize = DEFAULT_MAX_FIELD_SIZE;
  private int maxRecordSize = DEFAULT_MAX_RECORD_SIZE;
  private int maxBufferSize = DEFAULT_MAX_BUFFER_SIZE;
  private boolean decodeAhead;

  private CsvSettings() {}

  /** Comma, double quote, UTF-8, strict, and the default limits. */
  public static CsvSettings defaults() {
    return DEFAULTS;
  }

  private CsvSettings copy() {
    CsvSettings c = new CsvSettings();
    c.fieldSeparator = fieldSeparator;
    c.quoteCharacter = quoteCharacter;
    c.charset = charset;
    c.malformed = malformed;
    c.lenient = lenient;
    c.allowDuplicateHeader = allowDuplicateHeader;
    c.maxFields = maxFields;
    c.maxFieldSize = maxFieldSize;
    c.maxRecordSize = maxRecordSize;
    c.maxBufferSize = maxBufferSize;
    c.decodeAhead = decodeAhead;
    return c;
  }

  /** The field separator. */
  public char fieldSeparator() {
    return fieldSeparator;
  }

  /** The quote character. */
  public char quoteCharacter() {
    return quoteCharacter;
  }

  /** The charset of the bytes. */
  public Charset charset() {
    return charset;
  }

  /** What to do with bytes not valid in the charset. */
  public MalformedInput malformed() {
    return malformed;
  }

  /** Whether ragged rows and an unclosed quote at the end are accepted. */
  public boolean lenient() {
    return lenient;
  }

  /** Whether a header may name a column twice. */
  public boolean allowDuplicateHeader() {
    return allowDuplicateHeader;
  }

  /** The most fields in one record. */
  public int maxFields() {
    return maxFields;
  }

  /** The longest field, in characters. */
  public int maxFieldSize() {
    return maxFieldSize;
  }

  /** The longest record, in characters. */
  public int maxRecordSize() {
    return maxRecordSize;
  }

  /** The largest parse buffer, in characters: the longest stretch of input the parser holds. */
  public int maxBufferSize() {
    return maxBufferSize;
  }

  /** Whether the bytes are decoded on a thread of their own. */
  public boolean decodeAhead() {
    return decodeAhead;
  }

  /** These settings with another field separator. */
  public CsvSettings withFieldSeparator(char c) {
    CsvSettings s = copy();
    s.fieldSeparator = c;
    return s;
  }

  /** These settings with another quote character. */
  public CsvSettings withQuoteCharacter(char c) {
    CsvSettings s = copy();
    s.quoteCharacter = c;
    return s;
  }

  /** These settings with another charset. */
  public CsvSettings withCharset(Charset c) {
    CsvSettings s = copy();
    s.charset = Objects.requireNonNull(c, "charset");
    return s;
  }

  /** These settings with another rule for malformed bytes. */
  public CsvSettings withMalformed(MalformedInput m) {
    CsvSettings s = copy();
    s.malformed = Objects.requireNonNull(m, "malformed");
    return s;
  }

  /** These settings, lenient or strict. */
  public CsvSettings withLenient(boolean on) {
    CsvSettings s = copy();
    s.lenient = on;
    return s;
  }

  /** These settings with duplicate header names accepted or refused. */
  public CsvSettings withAllowDuplicateHeader(boolean on) {
    CsvSettings s = copy();
    s.allowDuplicateHeader = on;
    return s;
  }

  /** These settings with another {@code maxFields}, at least 1. */
  public CsvSettings withMaxFields(int n) {
    CsvSettings s = copy();
    s.maxFields = positive(n, "maxFields");
    return s;
  }

  /**
   * These settings with another {@code maxFieldSize}, at least 1 and at most {@code maxRecordSize}.
   */
  public CsvSettings withMaxFieldSize(int n) {
    CsvSettings s = copy();
    s.maxFieldSize = positive(n, "maxFieldSize");
    return s.checkRecordSize();
  }

  /** These settings with another {@code maxRecordSize}, at least {@code maxFieldSize}. */
  public CsvSettings withMaxRecordSize(int n) {
    CsvSettings s = copy();
    s.maxRecordSize = positive(n, "maxRecordSize");
    return s.checkRecordSize();
  }

  /** These settings with another {@code maxBufferSize}, at least 1. */
  public CsvSettings withMaxBufferSize(int n) {
    CsvSettings s = copy();
    s.maxBufferSize = positive(n, "maxBufferSize");
    return s;
  }

  /** These settings with all four limits at once (checked together). */
  public CsvSettings withLimits(int fields, int fieldSize, int recordSize, int bufferSize) {
    CsvSettings s = copy();
    s.maxFields = positive(fields, "maxFields");
    s.maxFieldSize = positive(fieldSize, "maxFieldSize");
    s.maxRecordSize = positive(recordSize, "maxRecordSize");
    s.maxBufferSize = positive(bufferSize, "maxBufferSize");
    return s.checkRecordSize();
  }

  /** These settings with decoding ahead on a thread of its own on or off. */
  public CsvSettings withDecodeAhead(boolean on) {
    CsvSettings s = copy();
    s.decodeAhead = on;
    return s;
  }

  private CsvSettings checkRecordSize() {
    if (maxRecordSize < maxFieldSize) {
      throw new IllegalArgumentException(
          "maxRecordSize must be >= maxFieldSize (" + maxFieldSize + "), was " + maxRecordSize);
    }
    return this;
  }

  private static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsvSettings s && s.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "CsvSettings[fieldSeparator="
        + fieldSeparator
        + ", quoteCharacter="
        + quoteCharacter
        + ", charset="
        + charset.name()
        + ", malformed="
        + malformed
        + ", lenient="
        + lenient
        + ", allowDuplicateHeader="
        + allowDuplicateHeader
        + ", maxFields="
        + maxFields
        + ", maxFieldSize="
        + maxFieldSize
        + ", maxRecordSize="
        + maxRecordSize
        + ", maxBufferSize="
        + maxBufferSize
        + ", decodeAhead="
        + decodeAhead
        + "]";
  }
}
