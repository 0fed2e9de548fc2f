package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Pipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duplicate finding that skips, reports and carries on, and counts each file once. */
class DuplicatesTolerantTest {
  @TempDir Path dir;

  private final List<Skipped> skipped = new ArrayList<>();

  private List<DuplicateGroup> find(Pipe<FileEntry> files) {
    return FileTree.duplicates(files, 1, 100, skipped::add).toList();
  }

  @Test
  void hardLinksAndFollowedLinksToOneFileAreNotWastedCopies() throws IOException {
    Path a = TestFiles.write(dir, "a", "same");
    Files.createLink(dir.resolve("hard"), a);
    Files.createSymbolicLink(dir.resolve("soft"), a);
    WalkSettings follow = WalkSettings.defaults().withFollowLinks(true);
    assertThat(find(FileTree.walk(dir, follow, skipped::add))).isEmpty();
    TestFiles.write(dir, "copy", "same");
    List<DuplicateGroup> groups = find(FileTree.walk(dir, follow, skipped::add));
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).paths()).hasSize(2).contains(dir.resolve("copy"));
    assertThat(skipped).isEmpty();
  }

  @Test
  void aDanglingLinkIsSkippedAndTheWalkGoesOn() throws IOException {
    TestFiles.write(dir, "x", "one");
    TestFiles.write(dir, "y", "one");
    Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
    WalkSettings follow = WalkSettings.defaults().withFollowLinks(true);
    assertThat(find(FileTree.walk(dir, follow, skipped::add))).hasSize(1);
    assertThat(skipped).extracting(Skipped::path).containsExactly(dir.resolve("dangling"));
    assertThat(skipped.get(0).reason()).contains("dangling");
    assertThatThrownBy(() -> FileTree.walk(dir, follow).toList())
        .hasRootCauseInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void aFileThatVanishesOrChangesBeforeItIsHashedIsReportedNotGrouped() throws IOException {
    Path x = TestFiles.write(dir, "x", "one");
    Path y = TestFiles.write(dir, "y", "one");
    Path z = TestFiles.write(dir, "z", "one");
    long mx = Files.getLastModifiedTime(x).toMillis();
    long my = Files.getLastModifiedTime(y).toMillis();
    List<FileEntry> entries =
        List.of(
            new FileEntry(x, 3, mx, "kx"),
            new FileEntry(y, 3, my, "ky"),
            new FileEntry(z, 3, 1, "kz"), // the walk saw another time: it changed since
            new FileEntry(dir.resolve("gone"), 3, 1, "kg"));
    List<DuplicateGroup> groups = find(Pipe.from(entries));
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).paths()).containsExactly(x, y);
    assertThat(skipped).extracting(Skipped::path).containsExactlyInAnyOrder(z, dir.resolve("gone"));
    assertThat(skipped).anyMatch(s -> s.reason().contains("changed while it was read"));
  }
}
