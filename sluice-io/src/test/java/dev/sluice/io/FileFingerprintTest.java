package dev.sluice.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFingerprintTest {
  @TempDir Path dir;

  @Test
  void theSameFileHasTheSameFingerprint() throws IOException {
    Path file = TestFiles.write(dir, "a.csv", "id\n1\n2\n");
    String saved = FileFingerprint.of(file).toString();
    FileFingerprint.of(file).requireSame(saved, file);
    assertThat(FileFingerprint.of(file)).isEqualTo(FileFingerprint.of(file));
  }

  @Test
  void anEditOfTheSameSizeIsRefusedNamingTheInput() throws IOException {
    Path file = TestFiles.write(dir, "a.csv", "id\n1\n2\n");
    FileTime time = Files.getLastModifiedTime(file);
    String saved = FileFingerprint.of(file).toString();
    Files.writeString(file, "id\n1\n3\n");
    Files.setLastModifiedTime(file, time);
    assertThatThrownBy(() -> FileFingerprint.of(file).requireSame(saved, file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("changed");
  }

  @Test
  void aTruncatedOrTouchedFileIsRefused() throws IOException {
    Path file = TestFiles.write(dir, "a.csv", "id\n1\n2\n");
    String saved = FileFingerprint.of(file).toString();
    Files.setLastModifiedTime(file, FileTime.fromMillis(0));
    assertThatThrownBy(() -> FileFingerprint.of(file).requireSame(saved, file))
        .isInstanceOf(BadInputException.class);
    Files.writeString(file, "id\n1\n");
    assertThat(FileFingerprint.of(file).toString()).isNotEqualTo(saved).startsWith("size=5 ");
  }
}
