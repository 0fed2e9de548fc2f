package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.Stage;
import dev.sluice.io.BadInputException;
import dev.sluice.io.Condition;
import dev.sluice.io.CsvRow;
import java.util.List;

/**
 * The row rules of {@code convert}: keep rows that satisfy every {@code --where} {@link Condition},
 * then replace {@code --mask} and {@code --hash} columns ({@code hashKey}: HMAC-SHA256 with that
 * key, else plain SHA-256). Immutable; the stages check the columns against the first row of each
 * run.
 */
record Rules(
    String input, List<Condition> where, List<String> mask, List<String> hash, byte[] hashKey) {
  boolean isEmpty() {
    return where.isEmpty() && mask.isEmpty() && hash.isEmpty();
  }

  /** The stage for CSV rows; a rule naming a column not in the header is a usage error. */
  Stage<CsvRow, CsvRow> csv() {
    return () ->
        new Stage.Integrator<>() {
          // column indexes of the rules, found in the first row's header
          private int[] whereAt;
          private int[] maskAt;
          private int[] hashAt;

          @Override
          public boolean push(CsvRow row, dev.sluice.Emitter<CsvRow> out) {
            if (whereAt == null) {
              resolve(row.header());
            }
            for (int i = 0; i < whereAt.length; i++) {
              if (!where.get(i).test(row.get(whereAt[i]))) {
                return true;
              }
            }
            CsvRow result = row;
            for (int at : maskAt) {
              result = result.with(at, Masking.mask(result.get(at)));
            }
            for (int at : hashAt) {
              result = result.with(at, hashed(result.get(at), row.header().get(at), row.line()));
            }
            out.emit(result);
            return true;
          }

          private void resolve(List<String> header) {
            check(header);
            whereAt = where.stream().mapToInt(w -> header.indexOf(w.column())).toArray();
            maskAt = mask.stream().mapToInt(header::indexOf).toArray();
            hashAt = hash.stream().mapToInt(header::indexOf).toArray();
          }
        };
  }

  /** Whether a JSON object passes the --where rules (a null or missing key never does). */
  boolean keep(ObjectNode node) {
    for (Condition w : where) {
      if (!w.test(JsonText.cell(node.get(w.column())))) {
        return false;
      }
    }
    return true;
  }

  /** Applies --mask and --hash to the keys a JSON object has (null values stay null). */
  ObjectNode apply(ObjectNode node) {
    for (String column : mask) {
      JsonNode value = node.get(column);
      if (value != null && !value.isNull()) {
        node.set(column, TextNode.valueOf(Masking.mask(JsonText.of(value))));
      }
    }
    for (String column : hash) {
      JsonNode value = node.get(column);
      if (value != null && !value.isNull()) {
        node.set(column, TextNode.valueOf(hashed(JsonText.of(value), column, -1)));
      }
    }
    return node;
  }

  private String hashed(String value, String column, long line) {
    try {
      return hashKey == null ? Masking.sha256(value) : Masking.hmacSha256(hashKey, value);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(input, line, "--hash " + column + ": " + e.getMessage(), null, e);
    }
  }

  private void check(List<String> header) {
    for (Condition w : where) {
      requireColumn(header, w.column(), "--where");
    }
    mask.forEach(column -> requireColumn(header, column, "--mask"));
    hash.forEach(column -> requireColumn(header, column, "--hash"));
  }

  private static void requireColumn(List<String> header, String column, String option) {
    if (!header.contains(column)) {
      throw new UsageException(option + " " + column + ": no such column in " + header);
    }
  }
}
