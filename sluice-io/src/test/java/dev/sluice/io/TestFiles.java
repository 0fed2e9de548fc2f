package dev.sluice.io;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Helpers for tests: files from strings and bytes, gzip, and a stream that trickles bytes. */
final class TestFiles {
  private TestFiles() {}

  static Path write(Path dir, String name, String content) {
    return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] content) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
        gz.write(content);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An input over {@code bytes} that hands out at most one byte per read call. */
  static Input trickle(byte[] bytes) {
    return Input.stream(
        "trickle",
        () ->
            new FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
              }
            });
  }

  /** An input over {@code bytes}. */
  static Input bytes(String name, byte[] bytes) {
    return Input.stream(name, () -> new java.io.ByteArrayInputStream(bytes));
  }

  static InputStream stream(String s) {
    return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
