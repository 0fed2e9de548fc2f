package dev.sluice.io.internal;

import dev.sluice.io.MalformedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A reader that decodes a byte stream and knows the byte offset of every malformed sequence, which
 * {@link java.io.InputStreamReader} does not tell. Drops one leading byte order mark. Holds one
 * fixed byte buffer; not thread-safe; closing it closes the stream.
 */
public final class DecodingReader extends Reader {
  /** Thrown for bytes that are not valid in the charset, under {@link MalformedInput#REPORT}. */
  public static final class MalformedBytesException extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final String charset;

    MalformedBytesException(long offset, String charset) {
      this.offset = offset;
      this.charset = charset;
    }

    /** The offset (from 0) of the first malformed byte in the stream. */
    public long offset() {
      return offset;
    }

    @Override
    public String getMessage() {
      return "invalid " + charset + " bytes at byte offset " + offset;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(InputStreams.BUFFER).flip();
  private final char[] spare = new char[2];
  private int spareAt;
  private int spareEnd;
  private long base;
  private boolean eof;
  private boolean flushed;
  private boolean atStart = true;
  private MalformedBytesException pending;
  private final boolean fast;

  /** A reader of {@code in} in {@code charset}, reporting or replacing malformed bytes. */
  public DecodingReader(InputStream in, Charset charset, MalformedInput malformed) {
    this(in, charset, malformed, 0);
  }

  /**
   * Like {@link #DecodingReader(InputStream, Charset, MalformedInput)} for a stream whose first
   * byte is at offset {@code base} of a larger input: errors name offsets in that input.
   */
  public DecodingReader(InputStream in, Charset charset, MalformedInput malformed, long base) {
    this.in = in;
    this.base = base;
    CodingErrorAction action =
        malformed == MalformedInput.REPLACE ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
    this.decoder = charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    this.fast = charset.equals(StandardCharsets.UTF_8);
  }

  /**
   * This reader keeping a leading {@code U+FEFF}: for a stream that starts in the middle of an
   * input, where it is a character, not a byte order mark. Call before the first read.
   */
  public DecodingReader midInput() {
    atStart = false;
    return this;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (spareAt < spareEnd) {
      cbuf[off] = spare[spareAt++];
      return 1;
    }
    int n = len < 2 ? readIntoSpare(cbuf, off) : decode(cbuf, off, len);
    if (atStart && n > 0) {
      atStart = false;
      if (cbuf[off] == '\uFEFF') {
        System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
        return n == 1 ? read(cbuf, off, len) : n - 1;
      }
    }
    return n;
  }

  private int readIntoSpare(char[] cbuf, int off) throws IOException {
    int n = decode(spare, 0, 2);
    if (n <= 0) {
      return n;
    }
    cbuf[off] = spare[0];
    spareAt = 1;
    spareEnd = n;
    return 1;
  }

  private int decode(char[] cbuf, int off, int len) throws IOException {
    if (pending != null) {
      throw pending;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off && pending == null) {
      if (eof) {
        if (!flushed) {
          CoderResult result = decoder.decode(bytes, out, true);
          check(result, out, off);
          if (result.isUnderflow()) {
            decoder.flush(out);
            flushed = true;
          }
        }
        return out.position() == off ? -1 : out.position() - off;
      }
      CoderResult result = fast ? decodeFast(out) : decoder.decode(bytes, out, false);
      check(result, out, off);
      if (result.isUnderflow() && out.position() == off) {
        fill();
      }
    }
    return out.position() - off;
  }

  /**
   * UTF-8: decodes what {@link Utf8Fast} can, then lets the decoder take one sequence (at most four
   * bytes) from where it stopped; the next read goes back to the fast loop.
   */
  private CoderResult decodeFast(CharBuffer out) {
    long r =
        Utf8Fast.decode(
            bytes.array(),
            bytes.position(),
            bytes.limit(),
            out.array(),
            out.arrayOffset() + out.position(),
            out.arrayOffset() + out.limit());
    bytes.position((int) (r >>> 32));
    out.position((int) r - out.arrayOffset());
    if (!bytes.hasRemaining() || !out.hasRemaining()) {
      return bytes.hasRemaining() ? CoderResult.OVERFLOW : CoderResult.UNDERFLOW;
    }
    int limit = bytes.limit();
    bytes.limit(Math.min(limit, bytes.position() + 4));
    try {
      return decoder.decode(bytes, out, false);
    } finally {
      bytes.limit(limit);
    }
  }

  /**
   * Throws for an error result, unless characters before the bad bytes were decoded by this call:
   * then they are returned first and the error is thrown by the next read, so that a caller that
   * counts lines sees every line before the bad one.
   */
  private void check(CoderResult result, CharBuffer out, int off) throws MalformedBytesException {
    if (result.isError()) {
      pending = new MalformedBytesException(base + bytes.position(), decoder.charset().name());
      if (out.position() == off) {
        throw pending;
      }
    }
  }

  private void fill() throws IOException {
    base += bytes.position();
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
