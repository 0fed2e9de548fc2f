package dev.sluice.io;

import dev.sluice.CheckedConsumer;
import dev.sluice.MapConcurrency;
import dev.sluice.Pipe;
import dev.sluice.io.internal.CsvBoundaries;
import dev.sluice.io.internal.CsvChunkStream;
import dev.sluice.io.internal.JsonCodec;
import dev.sluice.io.internal.PrefixHash;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of {@link ParallelCsv}: the header, then chunk {@code i} guessed to start after the first
 * LF at or after {@code headerEnd + i × chunkSize - 1} and to end after the first LF outside quotes
 * at or after the next chunk's such position. Guesses are parsed and encoded concurrently, in
 * order; the writer takes a guess only if it starts where the chunk before really ended and parsed
 * without error (a record of the wrong width is an error here), and otherwise parses that chunk
 * again itself from the true end, straight into the output, with the true line numbers (so an error
 * is thrown with them, and bad records go to the handler with them). A limit stops the run at the
 * chunk where it is reached, which the writer parses itself up to the limit.
 *
 * <p>Into a {@link ResumableWrite.ChunkOut}, the writer commits at the end of the first chunk after
 * every {@code commitRecords} records read, with a {@link FilePosition} at that record boundary
 * (the {@link PrefixHash} of the bytes before it read back from the file on the writer's thread).
 * True chunk ends depend only on the file, so a run resumed from such a position (its prefix
 * checked) takes the same chunks and commits at the same places as an uninterrupted one. Not
 * thread-safe: one run.
 */
final class CsvChunkRun {
  private final FileChannel channel;
  private final Path file;
  private final String input;
  private final CsvSettings settings;
  private final RowRules rules;
  private final long headerEnd;
  private final int chunkSize;
  private final CsvWriteSettings csv;
  private final CheckedConsumer<? super BadInputException> badRecord;
  private final long limit;
  private final long size;
  private final long chunks;

  /** The output buffers of chunks written, for the next guesses: a few chunks' worth, reused. */
  private final Queue<ChunkBytes> free = new ConcurrentLinkedQueue<>();

  private volatile CsvChunkParser parser;
  private volatile ByteJsonChunks byteJson;
  private volatile CsvChunkParser.Header header;

  CsvChunkRun(
      FileChannel channel,
      Path file,
      CsvSettings settings,
      RowRules rules,
      long headerEnd,
      int chunkSize,
      CsvWriteSettings csv,
      CheckedConsumer<? super BadInputException> badRecord,
      long limit)
      throws IOException {
    this.channel = channel;
    this.file = file;
    this.input = file.toString();
    this.settings = settings;
    this.rules = rules;
    this.headerEnd = headerEnd;
    this.chunkSize = chunkSize;
    this.csv = csv;
    this.badRecord = badRecord;
    this.limit = limit;
    this.size = channel.size();
    this.chunks = (size - headerEnd + chunkSize - 1) / chunkSize;
  }

  /** A chunk as guessed: where it started (-1: no LF where it should), ended, and its output. */
  private record Guess(
      long index, long start, long end, ChunkBytes out, CsvChunkParser.Done done) {}

  /**
   * Where the writer starts: at chunk {@code chunk}, byte {@code offset} (a record boundary), after
   * {@code lines} line breaks, the record at {@code lastLine} and {@code records} records; lines -1
   * for a fresh run (after the header).
   */
  private record Start(long chunk, long offset, long lines, long lastLine, long records) {}

  /** Runs the conversion into {@code out} and returns the rows written. */
  long into(
      Output out,
      int threads,
      CheckedConsumer<? super List<String>> onHeader,
      AtomicLong bytesRead,
      AtomicLong rows) {
    AtomicLong written = new AtomicLong();
    Start start = new Start(0, headerEnd, -1, 0, 0);
    Writer writer = new Writer(start, bytesRead, rows, written, null, 0);
    guesses(threads, start, onHeader, writer).into(out.sink(os -> writer.over(new NoFlush(os))));
    return written.get();
  }

  /**
   * Runs the conversion into the chunks of a resumable write, after {@code after} (a position a run
   * of this file committed; from the start if empty), committing every {@code commitRecords}
   * records or so; returns the rows written by this run. Call {@link #readHeader} first.
   */
  long into(
      ResumableWrite.ChunkOut out,
      Optional<String> after,
      int threads,
      int commitRecords,
      AtomicLong bytesRead,
      AtomicLong rows)
      throws IOException {
    PrefixHash hash = new PrefixHash();
    Start start =
        after.isPresent() ? resumeAt(after.get(), hash) : new Start(0, headerEnd, -1, 0, 0);
    AtomicLong written = new AtomicLong();
    Writer writer = new Writer(start, bytesRead, rows, written, out, commitRecords);
    writer.hash = hash;
    guesses(threads, start, names -> {}, writer).forEach(writer::write);
    writer.finish();
    return written.get();
  }

  /** Checks a saved position against the file (hashing its prefix) and returns where to go on. */
  private Start resumeAt(String position, PrefixHash hash) throws IOException {
    FilePosition p = FilePosition.parse(position, file);
    if (p.skip() != 0 || p.end() != p.offset() || p.offset() < headerEnd) {
      throw FilePosition.notOne(position, file);
    }
    if (size < p.offset()) {
      throw FilePosition.shorter(file, size, p.offset());
    }
    hash.updateTo(channel, p.offset());
    if (!hash.hex().equals(p.prefix())) {
      throw FilePosition.changed(file, p.offset(), hash.hex(), p.prefix());
    }
    long chunk =
        p.offset() >= size
            ? chunks
            : Math.min(chunks - 1, Math.max(0, ceilDiv(p.offset() - headerEnd + 1) - 1));
    return new Start(chunk, p.offset(), p.lines(), p.lastLine(), p.records());
  }

  private long ceilDiv(long bytes) {
    return (bytes + chunkSize - 1) / chunkSize;
  }

  private Pipe<Guess> guesses(
      int threads, Start start, CheckedConsumer<? super List<String>> onHeader, Writer writer) {
    return Pipe.<Long>generate(
            emit -> {
              if (header == null) {
                readHeader(onHeader);
              }
              for (long i = start.chunk(); i < chunks; i++) {
                emit.emit(i);
              }
            })
        .mapConcurrent(MapConcurrency.of(threads).withWindow(2 * threads), i -> guess(i, start))
        .takeWhile(guess -> !writer.stopped);
  }

  /** Reads and parses the header (bad input there fails as a whole-file read does). */
  void readHeader(CheckedConsumer<? super List<String>> onHeader) throws Exception {
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
    byteJson = csv == null ? ByteJsonChunks.of(settings, h.columns(), rules) : null;
    parser =
        new CsvChunkParser(
            input,
            settings,
            h,
            rules.stage(input),
            os -> csv == null ? JsonCodec.rowEncoder(os) : Csv.rowEncoder(os, csv, names, false));
  }

  /** The CSV header of the output (after {@link #readHeader}); nothing for JSON Lines. */
  byte[] outputHeader() throws IOException {
    if (csv == null) {
      return new byte[0];
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Csv.rowEncoder(bytes, csv, rules.outputNames(header.columns().names()), true).finish();
    return bytes.toByteArray();
  }

  private long grid(long i) {
    return headerEnd + i * chunkSize;
  }

  /** Chunk {@code i} ends after the first LF outside quotes at this index or later. */
  private long lookFrom(long i) {
    return i == chunks - 1 ? Long.MAX_VALUE : grid(i + 1) - 1;
  }

  private Guess guess(long i, Start from) throws IOException {
    long start =
        i == from.chunk()
            ? from.offset()
            : afterLf(grid(i) - 1, i == chunks - 1 ? size : grid(i + 1) - 1);
    if (start < 0) {
      return new Guess(i, -1, -1, null, null);
    }
    long overrunAt = i == chunks - 1 ? Long.MAX_VALUE : lookFrom(i) + chunkSize;
    CsvChunkStream in = stream(start, lookFrom(i), overrunAt);
    ChunkBytes out = free.poll();
    if (out == null) {
      out = new ChunkBytes((int) Math.min(2L * chunkSize + 256, 4 << 20));
    }
    if (byteJson != null) {
      try {
        ByteJsonChunks.Chunk chunk =
            byteJson.encode(channel, start, size, lookFrom(i), overrunAt, out);
        if (chunk != null) {
          return new Guess(i, start, chunk.end(), out, chunk.done());
        }
      } catch (IOException e) {
        // the full way below meets it too, and the writer reports it
      }
      out.reset(); // not the common case: the full way
    }
    try {
      CsvChunkParser.Done done = parser.parse(in, start, 0, 0, out, null, Long.MAX_VALUE);
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

  /**
   * Takes the guesses in order, checks each, and writes its bytes or the chunk parsed again; into
   * chunks of a resumable write, commits them.
   */
  private final class Writer implements Encoder<Guess> {
    private final Start start;
    private final AtomicLong bytesRead;
    private final AtomicLong rows;
    private final AtomicLong written;
    private final ResumableWrite.ChunkOut chunkOut;
    private final long commitRecords;
    private OutputStream out;
    private PrefixHash hash;
    private boolean begun;
    private long expected;
    private long lines;
    private long lastLine;
    private long records;
    private long recordsSinceCommit;
    private long rowsSinceCommit;
    private boolean uncommitted;
    volatile boolean stopped;

    Writer(
        Start start,
        AtomicLong bytesRead,
        AtomicLong rows,
        AtomicLong written,
        ResumableWrite.ChunkOut chunkOut,
        long commitRecords) {
      this.start = start;
      this.bytesRead = bytesRead;
      this.rows = rows;
      this.written = written;
      this.chunkOut = chunkOut;
      this.commitRecords = commitRecords;
    }

    /** This writer over {@code out}. */
    Writer over(OutputStream out) {
      this.out = out;
      return this;
    }

    @Override
    public void write(Guess guess) throws IOException {
      try {
        begin();
        if (!stopped && expected <= lookFrom(guess.index()) && expected < size) {
          if (chunkOut != null) {
            out = new NoFlush(chunkOut.open());
          }
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
      long left = limit < 0 ? Long.MAX_VALUE : limit - written.get();
      if (left <= 0) {
        stopped = true;
        return;
      }
      CsvChunkParser.Done done;
      if (guess.done() != null && guess.start() == expected && guess.done().rows() < left) {
        guess.out().writeInSlices(out);
        done = guess.done();
        expected = guess.end();
        lastLine = done.lastLine() > 0 ? lines + done.lastLine() : lastLine;
      } else {
        CsvChunkStream in = stream(expected, lookFrom(guess.index()), Long.MAX_VALUE);
        try {
          done = parser.parse(in, expected, lines, lastLine, out, badRecord, left);
        } catch (IOException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IOException(e);
        }
        expected = in.position();
        lastLine = done.lastLine();
        stopped = done.rows() >= left;
      }
      lines += done.lines();
      records += done.records();
      bytesRead.addAndGet(expected - from);
      rows.addAndGet(done.rows());
      written.addAndGet(done.rows());
      uncommitted = true;
      recordsSinceCommit += done.records();
      rowsSinceCommit += done.rows();
      if (chunkOut != null && recordsSinceCommit >= commitRecords) {
        commit();
      }
    }

    /** Commits the chunks since the last commit with the position at their end. */
    private void commit() throws IOException {
      hash.updateTo(channel, expected);
      FilePosition at =
          new FilePosition(records, 0, expected, expected, lines, lastLine, hash.hex());
      chunkOut.commit(rowsSinceCommit, at.toString());
      recordsSinceCommit = 0;
      rowsSinceCommit = 0;
      uncommitted = false;
    }

    @Override
    public void finish() throws IOException {
      begin();
      if (chunkOut == null) {
        out.flush();
      } else if (uncommitted) {
        commit();
      }
    }

    /**
     * Where the run starts and the file's bytes before it read; in a fresh run into an output, its
     * CSV header first.
     */
    private void begin() throws IOException {
      if (begun) {
        return;
      }
      begun = true;
      expected = start.offset();
      if (start.lines() < 0) {
        lines = header.lines();
        lastLine = header.line();
      } else {
        lines = start.lines();
        lastLine = start.lastLine();
        records = start.records();
      }
      bytesRead.addAndGet(start.offset());
      if (chunkOut == null && csv != null) {
        out.write(outputHeader());
      }
    }
  }

  /** Keeps {@code bytes} for another chunk, unless a long record made it grow. */
  private void recycle(ChunkBytes bytes) {
    if (bytes.capacity() <= 4 << 20) {
      bytes.reset();
      free.add(bytes);
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
