package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.Pipe;
import dev.sluice.Positioned;
import dev.sluice.Resumable;
import dev.sluice.io.BadInputException;
import dev.sluice.io.Csv;
import dev.sluice.io.CsvRow;
import dev.sluice.io.CsvSettings;
import dev.sluice.io.FileFingerprint;
import dev.sluice.io.Input;
import dev.sluice.io.JsonLines;
import dev.sluice.io.JsonSettings;
import dev.sluice.jdbc.TableInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records of a CSV or JSON Lines file as rows of a table, for {@code import}: each field parsed
 * to its column's type ({@link Values#parse}; an empty CSV field or a JSON null is NULL).
 * Resumable: the position after a record is its number followed by the input's {@link
 * FileFingerprint}, and a run after position n checks that the input is still the same file, then
 * reads and skips n records; an input that changed is refused (a usage error naming what changed),
 * since skipping n records of another file would lose or repeat rows. A field that is not a column
 * of the table, or a value that does not parse, is bad input naming the record. Call {@link
 * #columns} first: a JSON record's missing keys are NULL in those columns.
 */
final class RecordFile implements Resumable<Map<String, Object>> {
  private final Input input;
  private final Format format;
  private final TableInfo table;
  private final String fingerprint;
  private List<String> header = List.of();

  private final CsvSettings csv;
  private final JsonSettings json;

  RecordFile(
      Input input,
      Format format,
      TableInfo table,
      FileFingerprint fingerprint,
      CsvSettings csv,
      JsonSettings json) {
    this.input = input;
    this.csv = csv;
    this.json = json;
    this.format = format;
    this.table = table;
    this.fingerprint = fingerprint.toString();
  }

  /** The table columns the file's first record names (its CSV header or its JSON keys). */
  List<String> columns() {
    List<String> names =
        format == Format.CSV
            ? Csv.read(input, csv).first().map(CsvRow::header).orElse(List.of())
            : JsonLines.read(input, json).first().map(RecordFile::keys).orElse(List.of());
    List<String> columns = new ArrayList<>(names.size());
    for (String name : names) {
      columns.add(column(name, 1));
    }
    header = List.copyOf(columns);
    return header;
  }

  @Override
  public Pipe<Positioned<Map<String, Object>>> after(Optional<String> position) {
    long skip = position.map(this::recordsIn).orElse(0L);
    String suffix = " " + fingerprint;
    long[] record = {0};
    Pipe<Map<String, Object>> rows =
        format == Format.CSV
            ? Csv.read(input, csv).map(row -> row(row, ++record[0]))
            : JsonLines.read(input, json).map(node -> row(node, ++record[0]));
    return rows.map(row -> new Positioned<>(row, record[0] + suffix)).drop(skip);
  }

  /** The records committed before {@code position}, once the input is known to be the same. */
  private long recordsIn(String position) {
    int space = position.indexOf(' ');
    String saved = space < 0 ? "(not recorded)" : position.substring(space + 1);
    if (!saved.equals(fingerprint)) {
      throw new UsageException(
          input.name()
              + " changed since the interrupted import started (it was "
              + saved
              + ", it is "
              + fingerprint
              + "); resuming would skip the wrong records. Start again without --resume"
              + " (after removing the rows it imported), or restore the original file");
    }
    return Long.parseLong(position.substring(0, space));
  }

  /** The number of records before {@code position}, for messages. */
  static String records(String position) {
    int space = position.indexOf(' ');
    return space < 0 ? position : position.substring(0, space);
  }

  private Map<String, Object> row(CsvRow row, long record) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> header = row.header();
    for (int i = 0; i < header.size(); i++) {
      String column = column(header.get(i), record);
      values.put(column, parse(row.get(i), column, record, row.line(), false));
    }
    return values;
  }

  private Map<String, Object> row(JsonNode node, long record) {
    if (!node.isObject()) {
      throw bad(record, -1, "is a JSON " + node.getNodeType() + ", not an object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String column : header) {
      values.put(column, null);
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String column = column(field.getKey(), record);
      JsonNode value = field.getValue();
      Object parsed =
          value.isNull()
              ? null
              : value.isBoolean()
                  ? Boolean.valueOf(value.booleanValue())
                  : parse(
                      value.isValueNode() ? value.asText() : value.toString(),
                      column,
                      record,
                      -1,
                      true);
      values.put(column, parsed);
    }
    return values;
  }

  private Object parse(String text, String column, long record, long line, boolean keepEmpty) {
    int type = table.types().getOrDefault(column, java.sql.Types.VARCHAR);
    try {
      return keepEmpty ? Values.parseKeepingEmpty(text, type) : Values.parse(text, type);
    } catch (IllegalArgumentException e) {
      throw bad(record, line, "column " + column + ": " + e.getMessage());
    }
  }

  private String column(String name, long record) {
    try {
      return table.column(name);
    } catch (RuntimeException e) {
      throw bad(
          record,
          -1,
          "field '" + name + "' is not a column of table " + table.name() + " " + table.columns());
    }
  }

  private BadInputException bad(long record, long line, String problem) {
    return new BadInputException(
        input.name(), line, "record " + record + ": " + problem, null, null);
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
