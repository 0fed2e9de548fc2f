package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvChunkRunTest {
  @TempDir Path dir;

  /** The file converted by a run with {@code chunkSize}, as JSON Lines. */
  private String convert(String text, int chunkSize) throws Exception {
    Path in = Files.writeString(dir.resolve("in.csv"), text);
    Path out = dir.resolve("out.jsonl");
    long headerEnd = text.indexOf('\n') + 1;
    try (FileChannel channel = FileChannel.open(in)) {
      new CsvChunkRun(
              channel,
              in,
              CsvSettings.defaults(),
              RowRules.none(),
              headerEnd,
              chunkSize,
              null,
              null,
              -1)
          .into(Output.file(out), 2, names -> {}, new AtomicLong(), new AtomicLong());
    }
    return Files.readString(out);
  }

  private String oneThread(String text) throws Exception {
    Path in = Files.writeString(dir.resolve("one.csv"), text);
    Path out = dir.resolve("one.jsonl");
    ParallelCsv.file(in, CsvSettings.defaults()).withThreads(1).toJsonLines(Output.file(out));
    return Files.readString(out);
  }

  @Test
  void parsesAgainAChunkWhoseGuessFellInsideAQuotedField() throws Exception {
    String text = "id,note\n1,\"a\nb\nc\nd\"\n2,\"e\nf\"\n3,g\n";
    for (int chunk = 1; chunk < text.length(); chunk++) {
      assertThat(convert(text, chunk)).as("chunk %d", chunk).isEqualTo(oneThread(text));
    }
  }

  @Test
  void coversARecordLongerThanSeveralChunks() throws Exception {
    String text = "id,note\n1,\"" + "x\n".repeat(200) + "\"\n2,y\n" + "3,z\n".repeat(50);
    for (int chunk : new int[] {1, 3, 16, 64, 100}) {
      assertThat(convert(text, chunk)).isEqualTo(oneThread(text));
    }
  }

  @Test
  void coversLinesLongerThanAChunk() throws Exception {
    String text = "id,note\n1," + "w".repeat(500) + "\n2,y\n";
    assertThat(convert(text, 7)).isEqualTo(oneThread(text));
  }
}
