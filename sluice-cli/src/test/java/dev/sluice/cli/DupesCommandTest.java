package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DupesCommandTest {
  @TempDir Path dir;

  @Test
  void listsGroupsLargestWasteFirst() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("small1"), "ab");
    Files.writeString(dir.resolve("sub/small2"), "ab");
    Files.writeString(dir.resolve("big1"), "x".repeat(100));
    Files.writeString(dir.resolve("sub/big2"), "x".repeat(100));
    Files.writeString(dir.resolve("other"), "y".repeat(100));
    Cli cli = Cli.run("dupes", dir.toString());
    assertThat(cli.code()).isZero();
    assertThat(cli.out()).startsWith("100 bytes wasted: 2 copies of 100 bytes");
    assertThat(cli.out()).contains("2 bytes wasted").doesNotContain("other");
    assertThat(Cli.run("dupes", dir.toString(), "--min-size", "3").out()).doesNotContain("2 bytes");
  }

  @Test
  void rejectsAPathThatIsNotADirectory() {
    assertThat(Cli.run("dupes", dir.resolve("none").toString()).code()).isEqualTo(2);
  }

  @Test
  void skipsWhatItCannotReadWarnsAndCountsHardLinksOnce() throws IOException {
    Files.writeString(dir.resolve("a"), "same content");
    Files.createLink(dir.resolve("a-link"), dir.resolve("a"));
    Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
    Cli linked = Cli.run("dupes", dir.toString(), "--follow-links");
    assertThat(linked.code()).as(linked.err()).isZero();
    assertThat(linked.out()).isEmpty();
    assertThat(linked.err())
        .contains("skipped " + dir.resolve("dangling"))
        .contains("1 paths skipped");
    Files.writeString(dir.resolve("b"), "same content");
    Cli copied = Cli.run("dupes", dir.toString(), "--follow-links");
    assertThat(copied.out()).startsWith("12 bytes wasted: 2 copies");
  }
}
