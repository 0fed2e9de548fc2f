package dev.sluice.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.CheckedConsumer;
import dev.sluice.Emitter;
import dev.sluice.Generator;
import dev.sluice.Positioned;
import dev.sluice.Row;
import dev.sluice.io.internal.CsvBoundaries;
import dev.sluice.io.internal.CsvChunkStream;
import dev.sluice.io.internal.DecodingReader;
import dev.sluice.io.internal.JsonCodec;
import dev.sluice.io.internal.JsonRows;
import dev.sluice.io.internal.LineSplitter;
import dev.sluice.io.internal.PrefixHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generator behind {@link RowFile#after} for a file read by byte offsets: the file is read in
 * segments of about {@code segment} bytes, each ending at a record boundary (the first LF outside
 * quotes, found by {@link CsvBoundaries}, at or after its nominal end) and parsed by a parser of
 * its own (a CSV segment after the header's bytes, so widths are checked as in a whole-file read).
 * The position after a record is its segment's start offset, the number of the segment's records up
 * to it, and the {@link PrefixHash} of the bytes before the segment, hashed as they are read. A
 * resume hashes the bytes before the saved offset (no parsing), refuses a file that is shorter or
 * hashes otherwise, seeks there and skips the records before the position within that one segment.
 * The file is read as far as it was long when the run started. One run; not thread-safe.
 */
final class RowSegments implements Generator<Positioned<Row>> {
  private final Path path;
  private final CsvSettings csv;
  private final JsonSettings json;
  private final long headerEnd;
  private final int segment;
  private final CheckedConsumer<? super BadInputException> badRecord;
  private final AtomicLong bytesRead;
  private final FilePosition from;

  /** What a segment's parse hands each row to. */
  @FunctionalInterface
  private interface Each {
    boolean accept(Row row) throws Exception;
  }

  RowSegments(
      Path path,
      CsvSettings csv,
      JsonSettings json,
      long headerEnd,
      int segment,
      CheckedConsumer<? super BadInputException> badRecord,
      AtomicLong bytesRead,
      FilePosition from) {
    this.path = path;
    this.csv = csv;
    this.json = json;
    this.headerEnd = headerEnd;
    this.segment = segment;
    this.badRecord = badRecord;
    this.bytesRead = bytesRead;
    this.from = from;
  }

  @Override
  public void generate(Emitter<Positioned<Row>> out) throws Exception {
    String name = path.toString();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      byte[] buffer = new byte[1 << 16]; // for the hash pass of each segment
      PrefixHash hash = new PrefixHash();
      CsvChunkParser.Header header = csv == null ? null : header(channel, name);
      long at = headerEnd;
      long lines = header == null ? 0 : header.lines();
      long lastLine = header == null ? 0 : header.line();
      long records = 0;
      long skip = 0;
      if (from != null) {
        check(size);
        at = from.offset();
        lines = from.lines();
        lastLine = from.lastLine();
        records = from.records() - from.skip();
        skip = from.skip();
        hash.updateTo(channel, at);
        if (from.end() == at) {
          verify(at, hash); // a position at a boundary, such as a parallel run's commit
        }
      } else if (header != null) {
        hash.update(header.bytes(), 0, header.bytes().length);
      }
      count(at);
      JsonRows jsonRows = json == null ? null : new JsonRows(name);
      JsonCodec codec = json == null ? null : new JsonCodec(json);
      while (at < size) {
        long end = end(channel, at, size, hash, buffer);
        if (end == at) {
          break; // the file became shorter
        }
        if (from != null && at == from.offset() && from.end() > at) {
          verify(end, hash);
        }
        String suffix = FilePosition.suffix(at, end, lines, lastLine, hash.hex());
        InputStream in =
            new CsvChunkStream(
                channel, at, end, Long.MAX_VALUE, Long.MAX_VALUE, CsvBoundaries.lineEnds());
        long before = records;
        long skipped = skip;
        long[] k = {0};
        Each each =
            row -> {
              if (++k[0] > skipped) {
                out.emit(new Positioned<>(row, (before + k[0]) + " +" + k[0] + suffix));
              }
              return true;
            };
        CsvChunkParser.Done done =
            csv == null
                ? json(in, at, lines, lastLine, jsonRows, codec, each)
                : CsvChunkParser.records(
                    name, csv, header, in, at, lines, lastLine, badRecord, each::accept);
        count(end - at);
        records += done.rows();
        lines += done.lines();
        lastLine = done.lastLine();
        at = end;
        skip = 0;
      }
    }
  }

  /**
   * The record boundary that ends the segment from {@code at}: after the first LF (outside quotes,
   * for CSV) at or after {@code at + segment - 1}, or the end of the file; its bytes are added to
   * {@code hash}, read through {@code buffer}.
   */
  private long end(FileChannel channel, long at, long size, PrefixHash hash, byte[] buffer)
      throws IOException {
    CsvChunkStream stream =
        new CsvChunkStream(
            channel,
            at,
            size,
            at + segment - 1,
            Long.MAX_VALUE,
            csv == null
                ? CsvBoundaries.lineEnds()
                : new CsvBoundaries(csv.fieldSeparator(), csv.quoteCharacter()));
    for (int n; (n = stream.read(buffer, 0, buffer.length)) > 0; ) {
      hash.update(buffer, 0, n);
    }
    return stream.position();
  }

  private CsvChunkParser.Header header(FileChannel channel, String name) throws IOException {
    byte[] bytes = new byte[(int) headerEnd];
    for (int n = 0; n < bytes.length; ) {
      int r = channel.read(ByteBuffer.wrap(bytes, n, bytes.length - n), n);
      if (r < 0) {
        throw new IOException(name + " became shorter while it was read");
      }
      n += r;
    }
    return CsvChunkParser.header(bytes, csv, name);
  }

  /** Refuses a position that is not one, or a file shorter than what the run had read. */
  private void check(long size) {
    if (from.offset() < headerEnd
        || from.end() < from.offset()
        || from.skip() < 0
        || from.skip() > from.records()) {
      throw FilePosition.notOne(from, path);
    }
    if (size < from.end()) {
      throw FilePosition.shorter(path, size, from.end());
    }
  }

  /**
   * Refuses to resume unless the segment the position is in ends where it did and the file's bytes
   * up to there hash as they did: the bytes skipped and parsed again are those the run read.
   */
  private void verify(long end, PrefixHash hash) {
    if (end != from.end() || !hash.hex().equals(from.prefix())) {
      throw FilePosition.changed(
          path, from.end(), end == from.end() ? hash.hex() : "another value", from.prefix());
    }
  }

  /** Parses one segment of JSON Lines, its lines numbered after {@code lines}. */
  private CsvChunkParser.Done json(
      InputStream in, long at, long lines, long lastLine, JsonRows rows, JsonCodec codec, Each each)
      throws Exception {
    LineSettings settings = LineSettings.defaults().withMaxLineLength(json.maxLineLength());
    DecodingReader text = new DecodingReader(in, settings.charset(), settings.malformed(), at);
    LineSplitter splitter =
        new LineSplitter(
                at == 0 ? text : text.midInput(),
                settings.delimiter(),
                settings.maxLineLength(),
                path.toString())
            .numberedAfter(lines);
    long count = 0;
    long last = lastLine;
    for (String line; (line = splitter.next()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      long n = splitter.line();
      Row row;
      try {
        row = rows.row(codec.parse(line, JsonNode.class, path.toString(), n), n);
      } catch (BadInputException bad) {
        if (badRecord == null) {
          throw bad;
        }
        badRecord.accept(bad);
        continue;
      }
      count++;
      last = n;
      each.accept(row);
    }
    return new CsvChunkParser.Done(count, splitter.line() - lines, last, count);
  }

  private void count(long bytes) {
    if (bytesRead != null) {
      bytesRead.addAndGet(bytes);
    }
  }
}
