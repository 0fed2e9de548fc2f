package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.CheckedFunction;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Sink;
import dev.sluice.io.BadInputException;
import dev.sluice.io.ChunkEncoder;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvRow;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.CsvWriteSettings;
import dev.sluice.io.Encoder;
import dev.sluice.io.Input;
import dev.sluice.io.JsonLines;
import dev.sluice.io.JsonSettings;
import dev.sluice.io.Output;
import dev.sluice.io.PartFile;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The pipelines of {@code convert}: reading, decoding and parsing run on one thread; filtering,
 * masking, encoding and writing on the caller's. Rows cross in chunks of {@value #CHUNK}, at most
 * {@value #CHUNKS} chunks ahead. With {@code --resume} the output is a {@link PartFile} committed
 * every {@code checkpointRows} rows with the input record it got to, and a rerun skips that many
 * records of the (same, fingerprinted) input.
 */
final class Converter {
  static final int CHUNK = 256;
  static final int CHUNKS = 4;

  private final Rules rules;
  private final long limit;
  private final CsvSettings csvIn;
  private final JsonSettings jsonIn;
  private final CsvWriteSettings csvOut;
  private final Counters counters;

  Converter(
      Rules rules,
      long limit,
      CsvSettings csvIn,
      JsonSettings jsonIn,
      CsvWriteSettings csvOut,
      Counters counters) {
    this.rules = rules;
    this.limit = limit;
    this.csvIn = csvIn;
    this.jsonIn = jsonIn;
    this.csvOut = csvOut;
    this.counters = counters;
  }

  /** Converts {@code in} to {@code out} and returns the number of rows written. */
  long run(Input in, Format from, Output out, Format to) {
    Input counted = in.counting(counters.bytesRead);
    if (from == Format.CSV) {
      AtomicReference<List<String>> header = new AtomicReference<>();
      Sink<CsvRow> sink = out.sink(os -> to == Format.CSV ? csvRows(os, header, false) : json(os));
      return write(
          Csv.read(counted, csvIn, header::set),
          rows -> limit(rules.isEmpty() ? rows : rows.via(rules.csv())),
          sink);
    }
    Sink<ObjectNode> sink = out.sink(os -> to == Format.CSV ? csvObjects(os, in, null) : json(os));
    return write(
        objects(counted, in), rows -> limit(rows.filter(rules::keep)).map(rules::apply), sink);
  }

  /**
   * Converts {@code in} into the part file of {@code target}, continuing after {@code saved} if not
   * null, and completes it; returns the rows in the finished file.
   */
  long resume(
      Input in,
      Format from,
      Path target,
      Format to,
      String fingerprint,
      PartFile.Saved saved,
      int checkpointRows)
      throws Exception {
    if (saved != null
        && !java.nio.file.Files.exists(PartFile.part(target))
        && java.nio.file.Files.exists(target)) {
      java.nio.file.Files.delete(PartFile.pos(target)); // the crash came after the rename
      return saved.rows();
    }
    long skip = saved == null || saved.position().isEmpty() ? 0 : Long.parseLong(saved.position());
    boolean started = saved != null && saved.bytes() > 0;
    boolean gzip = target.getFileName().toString().endsWith(".gz");
    Input counted = in.counting(counters.bytesRead);
    try (PartFile part = PartFile.open(target, fingerprint, saved)) {
      counters.rows.set(part.rows());
      if (from == Format.CSV) {
        AtomicReference<List<String>> header = new AtomicReference<>();
        ChunkEncoder<CsvRow> chunks =
            new ChunkEncoder<>(
                os -> to == Format.CSV ? csvRows(os, header, started) : json(os), gzip);
        Pipe<Positioned<CsvRow>> rows = numbered(Csv.read(counted, csvIn, header::set), skip);
        commit(
            handOff(rows).via(Positioned.lift(rules.csv())), chunks, part, saved, checkpointRows);
      } else {
        List<String> written = started && to == Format.CSV ? writtenHeader(target) : null;
        ChunkEncoder<ObjectNode> chunks =
            new ChunkEncoder<>(
                os -> to == Format.CSV ? csvObjects(os, in, written) : json(os), gzip);
        Pipe<Positioned<ObjectNode>> rows =
            handOff(numbered(objects(counted, in), skip))
                .filter(p -> rules.keep(p.item()))
                .map(p -> p.map(rules::apply));
        commit(rows, chunks, part, saved, checkpointRows);
      }
      part.complete();
      return part.rows();
    }
  }

  /**
   * Commits the rows a chunk of {@code checkpointRows} at a time, each with the position of its
   * last row, then what the encoder writes at the end (a header-only input's header) at the last
   * position.
   */
  private <T> void commit(
      Pipe<Positioned<T>> rows,
      ChunkEncoder<T> chunks,
      PartFile part,
      PartFile.Saved saved,
      int checkpointRows)
      throws Exception {
    List<T> items = new ArrayList<>(checkpointRows);
    String[] last = {saved == null ? "" : saved.position()};
    rows.batch(checkpointRows)
        .forEach(
            batch -> {
              items.clear();
              batch.forEach(p -> items.add(p.item()));
              last[0] = batch.get(batch.size() - 1).position();
              part.append(chunks.encode(items), items.size(), last[0]);
              counters.rows.addAndGet(items.size());
            });
    byte[] end = chunks.encodeLast(List.of());
    if (end.length > 0) {
      part.append(end, 0, last[0]);
    }
  }

  private static <T> Pipe<Positioned<T>> numbered(Pipe<T> records, long skip) {
    long[] record = {0};
    return records.map(r -> new Positioned<>(r, Long.toString(++record[0]))).drop(skip);
  }

  private <T> Pipe<T> limit(Pipe<T> rows) {
    return limit >= 0 ? rows.take(limit) : rows;
  }

  /**
   * Parses on a thread of its own and hands the rows over in chunks; {@code rules} (filter, mask,
   * limit) and the sink run on the caller's thread. Measured on two cores, parsing is the heavier
   * side, so everything that can run after the hand-off does.
   */
  private <T> long write(Pipe<T> parsed, UnaryOperator<Pipe<T>> rules, Sink<T> sink) {
    AtomicLong written = counters.rows;
    return rules
        .apply(handOff(parsed))
        .peek(row -> written.lazySet(written.get() + 1)) // one writer: no read-modify-write
        .into(sink);
  }

  private static <T> Pipe<T> handOff(Pipe<T> parsed) {
    return parsed.batch(CHUNK).buffer(CHUNKS).flatMap(Pipe::from);
  }

  private Encoder<CsvRow> csvRows(
      OutputStream os, AtomicReference<List<String>> header, boolean started) {
    return CsvOutput.rows(Csv.encoder(os, csvOut), header::get, started);
  }

  private Encoder<ObjectNode> csvObjects(OutputStream os, Input in, List<String> written) {
    return CsvOutput.objects(Csv.encoder(os, csvOut), in.name(), written);
  }

  @SuppressWarnings("unchecked")
  private static <T> Encoder<T> json(OutputStream os) throws java.io.IOException {
    return (Encoder<T>) JsonLines.encoder(os, JsonText.WRITER);
  }

  /** The CSV header a resumed output already holds: the first record of its part file. */
  private static List<String> writtenHeader(Path target) {
    AtomicReference<List<String>> header = new AtomicReference<>(List.of());
    Csv.read(Input.file(PartFile.part(target)), CsvSettings.defaults(), header::set).first();
    return header.get();
  }

  private Pipe<ObjectNode> objects(Input counted, Input in) {
    long[] record = {0};
    CheckedFunction<JsonNode, ObjectNode> object = node -> object(node, in.name(), ++record[0]);
    return JsonLines.read(counted, JsonNode.class, jsonIn).map(object);
  }

  private static ObjectNode object(JsonNode node, String input, long record) {
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new BadInputException(
        input,
        -1,
        "record " + record + " is a JSON " + node.getNodeType() + ", not an object",
        null,
        null);
  }
}
