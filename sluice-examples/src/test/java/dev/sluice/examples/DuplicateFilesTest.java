package dev.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Pipe;
import dev.sluice.Progress;
import dev.sluice.io.DuplicateGroup;
import dev.sluice.io.FileEntry;
import dev.sluice.io.FileTree;
import dev.sluice.io.WalkSettings;
import dev.sluice.test.VirtualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of docs/cookbook/duplicate-files.md: {@link FileTree#duplicates} over a walk, with
 * progress reports. The clock is a {@link VirtualClock} that never moves, so the only report is the
 * final one and the test does not depend on timing.
 */
final class DuplicateFilesTest {
  @TempDir Path photos;

  @BeforeEach
  void makeTheTree() throws IOException {
    byte[] beach = "beach".repeat(1000).getBytes(); // 5,000 bytes
    byte[] dog = "dog".repeat(100).getBytes(); // 300 bytes
    Files.createDirectories(photos.resolve("2024/summer"));
    Files.createDirectories(photos.resolve("backup"));
    Files.write(photos.resolve("2024/summer/beach.jpg"), beach);
    Files.write(photos.resolve("backup/beach.jpg"), beach);
    Files.write(photos.resolve("backup/beach (1).jpg"), beach);
    Files.write(photos.resolve("2024/dog.jpg"), dog);
    Files.write(photos.resolve("backup/dog.jpg"), dog);
    Files.write(photos.resolve("2024/cat.jpg"), "cat".repeat(100).getBytes()); // same size as dog
    Files.write(photos.resolve("notes.txt"), "hi".getBytes()); // under minSize: not hashed
  }

  @Test
  void findsTheGroupsLargestWasteFirstAndReportsProgress() {
    // region duplicates
    List<Progress> reports = new CopyOnWriteArrayList<>();
    Pipe<FileEntry> files =
        FileTree.walk(photos, WalkSettings.defaults())
            .withClock(new VirtualClock()) // a clock that never moves: only the final report
            .onProgress(reports::add, Duration.ofSeconds(1)); // files walked so far
    List<DuplicateGroup> groups = FileTree.duplicates(files, 100).toList(); // 100: minSize

    assertThat(groups).hasSize(2);
    assertThat(groups.get(0).size()).isEqualTo(5_000);
    assertThat(groups.get(0).paths())
        .containsExactlyInAnyOrder(
            photos.resolve("2024/summer/beach.jpg"),
            photos.resolve("backup/beach.jpg"),
            photos.resolve("backup/beach (1).jpg"));
    assertThat(groups.get(0).waste()).isEqualTo(10_000); // two copies too many
    assertThat(groups.get(1).paths())
        .containsExactlyInAnyOrder(
            photos.resolve("2024/dog.jpg"), photos.resolve("backup/dog.jpg"));
    Progress last = reports.get(reports.size() - 1);
    assertThat(last.done()).isTrue();
    assertThat(last.count()).isEqualTo(7); // every file walked, notes.txt too
    // endregion
  }
}
