package dev.sluice.io.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.sluice.Row;
import dev.sluice.io.BadInputException;
import dev.sluice.io.CsvRow;
import dev.sluice.io.Encoder;
import dev.sluice.io.JsonSettings;
import java.io.IOException;
import java.io.OutputStream;

/** Jackson set up for JSON Lines: per-line parsing with limits, and a line-per-value encoder. */
public final class JsonCodec {
  private final ObjectMapper mapper;

  /** A codec whose reads obey {@code settings}. */
  public JsonCodec(JsonSettings settings) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(settings.maxNestingDepth())
                    .maxStringLength(settings.maxStringLength())
                    .maxNumberLength(settings.maxNumberLength())
                    .maxNameLength(settings.maxNameLength())
                    .build())
            .build();
    this.mapper =
        new ObjectMapper(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  }

  /** Parses one line as {@code type}; failures become {@link BadInputException}s for the line. */
  public <T> T parse(String line, Class<T> type, String input, long lineNumber) {
    try {
      T value = mapper.readValue(line, type);
      if (value == null) {
        throw new BadInputException(input, lineNumber, "null is not a value here", null, null);
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw new BadInputException(
          input, lineNumber, e.getOriginalMessage(), settingOf(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new BadInputException(
          input, lineNumber, "invalid JSON" + where + ": " + e.getOriginalMessage(), null, e);
    } catch (NumberFormatException | ArithmeticException e) {
      // a number whose exponent BigDecimal cannot hold, such as 0e9099999999 (found by fuzzing)
      throw new BadInputException(
          input, lineNumber, "a number out of range: " + e.getMessage(), null, e);
    }
  }

  /**
   * An encoder of rows alone, writing what {@link #encoder} writes for them without setting up
   * Jackson: cheap enough to make one per chunk of a file.
   */
  public static Encoder<Row> rowEncoder(OutputStream out) {
    JsonRowWriter rows = new JsonRowWriter(out);
    return new Encoder<>() {
      @Override
      public void write(Row row) throws IOException {
        if (row instanceof CsvRow csv) {
          rows.write(csv);
        } else {
          rows.write(row);
        }
      }

      @Override
      public void flush() throws IOException {
        rows.flush();
      }
    };
  }

  /** An encoder writing each value as compact JSON and LF, in UTF-8. */
  public static Encoder<Object> encoder(OutputStream out, ObjectMapper mapper) throws IOException {
    ObjectMapper configured =
        mapper
            .copy()
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .registerModule(new SimpleModule().addSerializer(CsvRow.class, new CsvRowSerializer()));
    configured.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    configured.getFactory().setRootValueSeparator(null);
    JsonGenerator generator = configured.getFactory().createGenerator(out, JsonEncoding.UTF8);
    JsonRowWriter rows = new JsonRowWriter(out);
    return new Encoder<>() {
      // Rows go through their own buffer, everything else through Jackson's; whichever holds
      // bytes is flushed to the stream before the other writes, which keeps the order.
      private boolean jackson;

      @Override
      public void write(Object item) throws IOException {
        if (item instanceof Row row) {
          if (jackson) {
            generator.flush();
            jackson = false;
          }
          if (row instanceof CsvRow csv) {
            rows.write(csv);
          } else {
            rows.write(row);
          }
        } else {
          if (!jackson) {
            rows.flush();
            jackson = true;
          }
          configured.writeValue(generator, item);
          generator.writeRaw('\n');
        }
      }

      @Override
      public void flush() throws IOException {
        rows.flush();
        generator.flush();
      }
    };
  }

  private static String settingOf(String message) {
    String m = message == null ? "" : message;
    if (m.contains("nesting depth")) {
      return "maxNestingDepth";
    } else if (m.contains("String value length")) {
      return "maxStringLength";
    } else if (m.contains("Number value length")) {
      return "maxNumberLength";
    } else if (m.contains("Name length")) {
      return "maxNameLength";
    }
    return "maxLineLength";
  }
}
