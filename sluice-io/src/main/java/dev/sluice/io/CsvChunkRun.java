package dev.sluice.io;

import dev.sluice.CheckedConsumer;
import dev.sluice.MapConcurrency;
import dev.sluice.Pipe;
import dev.sluice.io.internal.CsvBoundaries;
import dev.sluice.io.internal.CsvChunkStream;
import dev.sluice.io.internal.InputStreams;
import dev.sluice.io.internal.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of {@link ParallelCsv}: the header, then chunk {@code i} guessed to start after the first
 * LF at or after {@code headerEnd + i × chunkSize - 1} and to end after the first LF outside quotes
 * at or after the next chunk's such position. Guesses are parsed and encoded concurrently, in
 * order; the writer takes a guess only if it starts where the chunk before really ended and parsed
 * without error, and otherwise parses that chunk again itself from the true end, straight into the
 * output, with the true line numbers (so an error is thrown with them). Not thread-safe: one run.
 */
final class CsvChunkRun {
  private final FileChannel channel;
  private final String input;
  private final CsvSettings settings;
  private final RowRules rules;
  private final long headerEnd;
  private final int chunkSize;
  private final CsvWriteSettings csv;
  private final long size;
  private final long chunks;

  /** The output buffers of chunks written, for the next guesses: a few chunks' worth, reused. */
  private final Queue<Bytes> free = new ConcurrentLinkedQueue<>();

  private volatile CsvChunkParser parser;
  private volatile CsvChunkParser.Header header;

  CsvChunkRun(
      FileChannel channel,
      String input,
      CsvSettings settings,
      RowRules rules,
      long headerEnd,
      int chunkSize,
      CsvWriteSettings csv)
      throws IOException {
    this.channel = channel;
    this.input = input;
    this.settings = settings;
    this.rules = rules;
    this.headerEnd = headerEnd;
    this.chunkSize = chunkSize;
    this.csv = csv;
    this.size = channel.size();
    this.chunks = (size - headerEnd + chunkSize - 1) / chunkSize;
  }

  /** A chunk as guessed: where it started (-1: no LF where it should), ended, and its output. */
  private record Guess(long index, long start, long end, Bytes out, CsvChunkParser.Done done) {}

  /** Runs the conversion into {@code out} and returns the rows written. */
  long into(
      Output out,
      int threads,
      CheckedConsumer<? super List<String>> onHeader,
      AtomicLong bytesRead,
      AtomicLong rows) {
    AtomicLong written = new AtomicLong();
    Pipe.<Long>generate(
            emit -> {
              readHeader(onHeader);
              for (long i = 0; i < chunks; i++) {
                emit.emit(i);
              }
            })
        .mapConcurrent(MapConcurrency.of(threads).withWindow(2 * threads), this::guess)
        .into(out.sink(os -> new Writer(os, bytesRead, rows, written)));
    return written.get();
  }

  private void readHeader(CheckedConsumer<? super List<String>> onHeader) throws Exception {
    byte[] bytes = new byte[(int) headerEnd];
    int n = 0;
    while (n < bytes.length) {
      int r = channel.read(ByteBuffer.wrap(bytes, n, bytes.length - n), n);
      if (r < 0) {
        throw new IOException(input + " became shorter while it was read");
      }
      n += r;
    }
    CsvChunkParser.Header h = CsvChunkParser.header(bytes, settings, input);
    onHeader.accept(h.columns().names());
    List<String> names = rules.outputNames(h.columns().names());
    header = h;
    parser =
        new CsvChunkParser(
            input,
            settings,
            h,
            rules.stage(input),
            os -> csv == null ? JsonCodec.rowEncoder(os) : Csv.rowEncoder(os, csv, names, false));
  }

  private long grid(long i) {
    return headerEnd + i * chunkSize;
  }

  /** Chunk {@code i} ends after the first LF outside quotes at this index or later. */
  private long lookFrom(long i) {
    return i == chunks - 1 ? Long.MAX_VALUE : grid(i + 1) - 1;
  }

  private Guess guess(long i) throws IOException {
    long start =
        i == 0 ? headerEnd : afterLf(grid(i) - 1, i == chunks - 1 ? size : grid(i + 1) - 1);
    if (start < 0) {
      return new Guess(i, -1, -1, null, null);
    }
    long overrunAt = i == chunks - 1 ? Long.MAX_VALUE : lookFrom(i) + chunkSize;
    CsvChunkStream in = stream(start, lookFrom(i), overrunAt);
    Bytes out = free.poll();
    if (out == null) {
      out = new Bytes((int) Math.min(2L * chunkSize + 256, 4 << 20));
    }
    try {
      CsvChunkParser.Done done = parser.parse(in, start, 0, 0, out);
      return new Guess(i, start, in.position(), out, done);
    } catch (Exception e) {
      recycle(out);
      return new Guess(i, start, -1, null, null); // a wrong guess, or bad input: the writer sees
    }
  }

  private CsvChunkStream stream(long start, long lookFrom, long overrunAt) {
    CsvBoundaries boundaries =
        new CsvBoundaries(settings.fieldSeparator(), settings.quoteCharacter());
    return new CsvChunkStream(channel, start, size, lookFrom, overrunAt, boundaries);
  }

  /** The position after the first LF in {@code [from, to)}, or -1. */
  private long afterLf(long from, long to) throws IOException {
    byte[] block = new byte[8192];
    for (long at = from; at < to; ) {
      int n = channel.read(ByteBuffer.wrap(block, 0, (int) Math.min(block.length, to - at)), at);
      if (n <= 0) {
        return -1;
      }
      for (int k = 0; k < n; k++) {
        if (block[k] == '\n') {
          return at + k + 1;
        }
      }
      at += n;
    }
    return -1;
  }

  /** Takes the guesses in order, checks each, and writes its bytes or the chunk parsed again. */
  private final class Writer implements Encoder<Guess> {
    private final OutputStream out;
    private final AtomicLong bytesRead;
    private final AtomicLong rows;
    private final AtomicLong written;
    private boolean headerWritten;
    private long expected = headerEnd;
    private long lines;
    private long lastLine;

    Writer(OutputStream out, AtomicLong bytesRead, AtomicLong rows, AtomicLong written) {
      this.out = new NoFlush(out);
      this.bytesRead = bytesRead;
      this.rows = rows;
      this.written = written;
    }

    @Override
    public void write(Guess guess) throws IOException {
      try {
        writeHeader();
        if (expected <= lookFrom(guess.index()) && expected < size) {
          take(guess);
        } // else the chunk before ran past all of this one
      } finally {
        if (guess.out() != null) {
          recycle(guess.out());
        }
      }
    }

    private void take(Guess guess) throws IOException {
      long from = expected;
      CsvChunkParser.Done done;
      if (guess.done() != null && guess.start() == expected) {
        guess.out().writeInSlices(out);
        done = guess.done();
        expected = guess.end();
        lastLine = done.lastLine() > 0 ? lines + done.lastLine() : lastLine;
      } else {
        CsvChunkStream in = stream(expected, lookFrom(guess.index()), Long.MAX_VALUE);
        try {
          done = parser.parse(in, expected, lines, lastLine, out);
        } catch (IOException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IOException(e);
        }
        expected = in.position();
        lastLine = done.lastLine();
      }
      lines += done.lines();
      bytesRead.addAndGet(expected - from);
      rows.addAndGet(done.rows());
      written.addAndGet(done.rows());
    }

    @Override
    public void finish() throws IOException {
      writeHeader();
      out.flush();
    }

    /** The CSV header of the output and the file's header bytes read, before anything else. */
    private void writeHeader() throws IOException {
      if (headerWritten) {
        return;
      }
      headerWritten = true;
      lines = header.lines();
      lastLine = header.line();
      bytesRead.addAndGet(headerEnd);
      if (csv != null) {
        Csv.rowEncoder(out, csv, rules.outputNames(header.columns().names()), true).finish();
      }
    }
  }

  /** Keeps {@code bytes} for another chunk, unless a long record made it grow. */
  private void recycle(Bytes bytes) {
    if (bytes.capacity() <= 4 << 20) {
      bytes.reset();
      free.add(bytes);
    }
  }

  /** A chunk's encoded bytes. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes(int size) {
      super(size);
    }

    int capacity() {
      return buf.length;
    }

    /** Writes the bytes a buffer's worth at a time: a failing output fails at the first. */
    void writeInSlices(OutputStream out) throws IOException {
      for (int at = 0; at < count; at += InputStreams.BUFFER) {
        out.write(buf, at, Math.min(InputStreams.BUFFER, count - at));
      }
    }
  }

  /** The output without flushes: the encoders of chunks flush, the run's end does once. */
  private static final class NoFlush extends FilterOutputStream {
    NoFlush(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() {}
  }
}
