package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PartFile}: bytes written and committed in pieces; a rerun cuts what was not committed. */
class PartFileTest {
  @TempDir Path dir;

  @Test
  void uncommittedBytesAreCutOffByTheNextRunAndCommittedOnesKept() throws Exception {
    Path out = dir.resolve("out.csv");
    try (PartFile part = PartFile.open(out, "job", null)) {
      byte[] chunk = "a\nb\n".getBytes(StandardCharsets.US_ASCII);
      part.write(chunk, 0, 2);
      part.write(chunk, 2, 2);
      part.commit(2, "p2");
      part.write("c\n".getBytes(StandardCharsets.US_ASCII), 0, 2); // a crash before its commit
    }
    PartFile.Saved saved = PartFile.load(out);
    assertThat(saved).isEqualTo(new PartFile.Saved("job", 4, 2, "p2"));
    assertThat(Files.size(PartFile.part(out))).isEqualTo(6);
    try (PartFile part = PartFile.open(out, "job", saved)) {
      part.append("d\n".getBytes(StandardCharsets.US_ASCII), 1, "p3");
      assertThat(part.rows()).isEqualTo(3);
      part.complete();
    }
    assertThat(Files.readString(out)).isEqualTo("a\nb\nd\n");
    assertThat(PartFile.pos(out)).doesNotExist();
  }
}
