package dev.sluice.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How {@link Csv} reads: the dialect, strictness and FastCSV's limits. Strict by default: a ragged
 * row, an unclosed quote, characters after a closing quote, a duplicate header name and malformed
 * bytes are errors naming the line. A leading byte order mark is always dropped. Immutable; start
 * from {@link #defaults()} and change with the {@code with…} methods.
 *
 * @param fieldSeparator the field separator (default ',')
 * @param quoteCharacter the quote character (default '"')
 * @param charset the charset of the bytes (default UTF-8)
 * @param malformed what to do with bytes not valid in the charset (default REPORT)
 * @param lenient accept ragged rows and an unclosed quote at the end (default false); characters
 *     after a closing quote stay an error
 * @param allowDuplicateHeader accept a header that names a column twice (default false)
 * @param maxFields the most fields in one record (default {@value #DEFAULT_MAX_FIELDS})
 * @param maxFieldSize the longest field, in characters (default {@value #DEFAULT_MAX_FIELD_SIZE})
 * @param maxRecordSize the longest record, in characters (default {@value
 *     #DEFAULT_MAX_RECORD_SIZE})
 * @param maxBufferSize the largest parse buffer, in characters, so the longest stretch of input the
 *     parser holds (default {@value #DEFAULT_MAX_BUFFER_SIZE})
 */
public record CsvSettings(
    char fieldSeparator,
    char quoteCharacter,
    Charset charset,
    MalformedInput malformed,
    boolean lenient,
    boolean allowDuplicateHeader,
    int maxFields,
    int maxFieldSize,
    int maxRecordSize,
    int maxBufferSize,
    boolean decodeAhead) {
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

  /** Checks the values. */
  public CsvSettings {
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(malformed, "malformed");
    positive(maxFields, "maxFields");
    positive(maxFieldSize, "maxFieldSize");
    positive(maxBufferSize, "maxBufferSize");
    if (maxRecordSize < maxFieldSize) {
      throw new IllegalArgumentException(
          "maxRecordSize must be >= maxFieldSize (" + maxFieldSize + "), was " + maxRecordSize);
    }
  }

  /** Comma, double quote, UTF-8, strict, and the default limits. */
  public static CsvSettings defaults() {
    return new CsvSettings(
        ',',
        '"',
        StandardCharsets.UTF_8,
        MalformedInput.REPORT,
        false,
        false,
        DEFAULT_MAX_FIELDS,
        DEFAULT_MAX_FIELD_SIZE,
        DEFAULT_MAX_RECORD_SIZE,
        DEFAULT_MAX_BUFFER_SIZE,
        false);
  }

  /** These settings with another field separator. */
  public CsvSettings withFieldSeparator(char c) {
    return new CsvSettings(
        c,
        quoteCharacter,
        charset,
        malformed,
        lenient,
        allowDuplicateHeader,
        maxFields,
        maxFieldSize,
        maxRecordSize,
        maxBufferSize,
        decodeAhead);
  }

  /** These settings with another charset. */
  public CsvSettings withCharset(Charset c) {
    return new CsvSettings(
        fieldSeparator,
        quoteCharacter,
        c,
        malformed,
        lenient,
        allowDuplicateHeader,
        maxFields,
        maxFieldSize,
        maxRecordSize,
        maxBufferSize,
        decodeAhead);
  }

  /** These settings with another policy for malformed bytes. */
  public CsvSettings withMalformed(MalformedInput m) {
    return new CsvSettings(
        fieldSeparator,
        quoteCharacter,
        charset,
        m,
        lenient,
        allowDuplicateHeader,
        maxFields,
        maxFieldSize,
        maxRecordSize,
        maxBufferSize,
        decodeAhead);
  }

  /** These settings, lenient or strict about ragged rows and quoting. */
  public CsvSettings withLenient(boolean l) {
    return new CsvSettings(
        fieldSeparator,
        quoteCharacter,
        charset,
        malformed,
        l,
        allowDuplicateHeader,
        maxFields,
        maxFieldSize,
        maxRecordSize,
        maxBufferSize,
        decodeAhead);
  }

  /** These settings with other limits, in characters. */
  public CsvSettings withLimits(int fields, int fieldSize, int recordSize, int bufferSize) {
    return new CsvSettings(
        fieldSeparator,
        quoteCharacter,
        charset,
        malformed,
        lenient,
        allowDuplicateHeader,
        fields,
        fieldSize,
        recordSize,
        bufferSize,
        decodeAhead);
  }

  /** These settings with decoding ahead on a thread of its own on or off. */
  public CsvSettings withDecodeAhead(boolean on) {
    return new CsvSettings(
        fieldSeparator,
        quoteCharacter,
        charset,
        malformed,
        lenient,
        allowDuplicateHeader,
        maxFields,
        maxFieldSize,
        maxRecordSize,
        maxBufferSize,
        on);
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
