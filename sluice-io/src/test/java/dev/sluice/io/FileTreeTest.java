package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
  @TempDir Path dir;

  private List<Path> walk(WalkSettings settings) {
    return FileTree.walk(dir, settings).map(f -> dir.relativize(f.path())).toList();
  }

  @Test
  void walksDepthFirstFindingRegularFilesOnly() throws IOException {
    Files.createDirectories(dir.resolve("a/b/c"));
    TestFiles.write(dir, "a/b/c/deep.txt", "x");
    TestFiles.write(dir, "a/one.txt", "y");
    TestFiles.write(dir, "top.txt", "z");
    assertThat(walk(WalkSettings.defaults()))
        .containsExactlyInAnyOrder(
            Path.of("a/b/c/deep.txt"), Path.of("a/one.txt"), Path.of("top.txt"));
  }

  @Test
  void doesNotFollowSymlinksByDefault() throws IOException {
    Files.createDirectories(dir.resolve("real"));
    TestFiles.write(dir, "real/f.txt", "x");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
    Files.createSymbolicLink(dir.resolve("real/loop"), dir);
    assertThat(walk(WalkSettings.defaults())).containsExactly(Path.of("real/f.txt"));
    assertThat(walk(WalkSettings.defaults().withFollowLinks(true)))
        .containsExactlyInAnyOrder(Path.of("real/f.txt"), Path.of("link/f.txt"));
  }

  @Test
  void stopsAtMaxDepthNamingTheSetting() throws IOException {
    Files.createDirectories(dir.resolve("1/2/3"));
    assertThatThrownBy(() -> walk(WalkSettings.defaults().withMaxDepth(1)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("maxDepth");
  }

  @Test
  void stopsEarlyWithoutReadingTheRest() throws IOException {
    for (int i = 0; i < 50; i++) {
      TestFiles.write(dir, "f" + i, "x");
    }
    assertThat(FileTree.walk(dir, WalkSettings.defaults()).take(3).count()).isEqualTo(3);
  }

  @Test
  void hashesWithSha256() throws IOException {
    Path f = TestFiles.write(dir, "abc", "abc");
    assertThat(FileTree.sha256(f))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void findsDuplicatesLargestWasteFirst() throws IOException {
    TestFiles.write(dir, "a1", "aaaa");
    TestFiles.write(dir, "a2", "aaaa");
    TestFiles.write(dir, "b1", "bbbbbbbb");
    TestFiles.write(dir, "b2", "bbbbbbbb");
    TestFiles.write(dir, "b3", "bbbbbbbb");
    TestFiles.write(dir, "c1", "cccc");
    TestFiles.write(dir, "tiny1", "t");
    TestFiles.write(dir, "tiny2", "t");
    List<DuplicateGroup> groups =
        FileTree.duplicates(FileTree.walk(dir, WalkSettings.defaults()), 2).toList();
    assertThat(groups).extracting(DuplicateGroup::waste).containsExactly(16L, 4L);
    assertThat(groups.get(0).paths()).hasSize(3);
  }

  @Test
  void boundsTheFilesHeld() throws IOException {
    for (int i = 0; i < 5; i++) {
      TestFiles.write(dir, "f" + i, "x");
    }
    assertThatThrownBy(
            () -> FileTree.duplicates(FileTree.walk(dir, WalkSettings.defaults()), 0, 3).toList())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("maxFiles");
  }
}
