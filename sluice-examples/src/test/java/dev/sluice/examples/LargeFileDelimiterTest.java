package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sluice.io.BadInputException;
import dev.sluice.io.Input;
import dev.sluice.io.LineSettings;
import dev.sluice.io.Lines;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of docs/cookbook/large-file-custom-delimiter.md: records ended by {@code "~\n"} in a
 * gzipped ISO-8859-1 file, read with {@link Lines} and a bounded line length.
 */
final class LargeFileDelimiterTest {
  @TempDir Path dir;
  private Path export;

  /** 10,000 records "n|café n", each ended by "~\n" (one also holds a plain LF), gzipped. */
  @BeforeEach
  void writeTheFile() throws IOException {
    export = dir.resolve("export.dat.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(export))) {
      for (int i = 0; i < 10_000; i++) {
        String record = i == 7 ? "7|two\nlines" : i + "|café " + i;
        out.write((record + "~\n").getBytes(StandardCharsets.ISO_8859_1));
      }
    }
  }

  @Test
  void readsRecordsByTheirDelimiterCharsetAndCompression() {
    // region read
    LineSettings records =
        LineSettings.defaults()
            .withDelimiter("~\n") // what ends a record; a lone LF is part of it
            .withCharset(StandardCharsets.ISO_8859_1)
            .withMaxLineLength(4_096); // the longest record accepted, in characters
    List<String> sample =
        Lines.read(Input.file(export), records) // gzip is recognised by its magic bytes
            .filter(line -> line.startsWith("7|") || line.startsWith("9999|"))
            .toList();
    long count = Lines.read(Input.file(export), records).count();

    assertThat(sample).containsExactly("7|two\nlines", "9999|café 9999");
    assertThat(count).isEqualTo(10_000);
    // endregion
  }

  @Test
  void aRecordLongerThanTheLimitFailsTheRunNamingTheSetting() {
    // region too-long
    LineSettings small =
        LineSettings.defaults()
            .withDelimiter("~\n")
            .withCharset(StandardCharsets.ISO_8859_1)
            .withMaxLineLength(11); // "7|two\nlines" fits, "100|café 100" does not
    Throwable failure = catchThrowable(() -> Lines.read(Input.file(export), small).count());

    assertThat(failure).isInstanceOf(BadInputException.class);
    BadInputException bad = (BadInputException) failure;
    assertThat(bad.setting()).isEqualTo("maxLineLength"); // the setting to raise
    assertThat(bad.line()).isEqualTo(101); // records are counted as lines, from 1
    assertThat(bad.getMessage()).contains("export.dat.gz", "line 101", "maxLineLength");
    // endregion
  }
}
