package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input names the file, the right line and what is wrong, for every reader. */
class BadInputMessagesTest {
  @TempDir Path dir;

  @Test
  void aRaggedRecordAfterAMultiLineOneNamesTheLineItStartsOn() throws IOException {
    Path file = Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n\"x\ny\",3\n4\n");
    assertThatThrownBy(() -> Csv.read(file).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ": line 5: the record has 1 fields")
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((BadInputException) e).line())
                    .isEqualTo(5));
  }

  @Test
  void aTruncatedGzipFileIsBadInputForEveryReader() throws IOException {
    byte[] csv = gzip("a,b\n1,2\n3,4\n5,6\n");
    Path file = Files.write(dir.resolve("t.gz"), Arrays.copyOf(csv, csv.length - 12));
    byte[] json = gzip("{\"x\":1}\n{\"x\":2}\n");
    Path jsonFile = Files.write(dir.resolve("j.gz"), Arrays.copyOf(json, json.length - 12));
    for (Runnable read :
        new Runnable[] {
          () -> Csv.read(file).toList(),
          () -> Lines.read(file).toList(),
          () -> JsonLines.read(Input.file(jsonFile), JsonSettings.defaults()).toList()
        }) {
      assertThatThrownBy(read::run)
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void aNumberWhoseExponentOverflowsIsBadInputNamingTheLine() throws IOException {
    // found by the JSON Lines fuzz target: Jackson's NumberFormatException escaped as is
    Path file = Files.writeString(dir.resolve("n.jsonl"), "{\"n\":1}\n{\"n\":0e9099999999}\n");
    assertThatThrownBy(() -> JsonLines.read(Input.file(file), JsonSettings.defaults()).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ": line 2: a number out of range");
  }

  @Test
  void corruptGzipDataIsBadInput() throws IOException {
    byte[] whole = gzip("line one\nline two\n".repeat(100));
    for (int i = 12; i < whole.length - 8; i++) {
      whole[i] ^= 0x55;
    }
    Path file = Files.write(dir.resolve("c.gz"), whole);
    assertThatThrownBy(() -> Lines.read(file).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("gzip data");
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
