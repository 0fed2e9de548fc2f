package dev.sluice.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What identifies an input file for a resumed run: its size, its last-modified time and the SHA-256
 * of its first {@value #HEAD_BYTES} bytes. A job stores the fingerprint with its checkpoint and
 * compares it before it resumes, so a run never continues "after record n" of a file that was
 * edited, replaced or truncated since (it would skip the wrong records). Immutable.
 *
 * <pre>{@code
 * String saved = FileFingerprint.of(path).toString();     // stored with the checkpoint
 * FileFingerprint.of(path).requireSame(saved, path);      // before resuming: throws if it changed
 * }</pre>
 */
public final class FileFingerprint {
  /** How many leading bytes are hashed. */
  public static final int HEAD_BYTES = 1 << 20;

  private final long size;
  private final long modifiedMillis;
  private final String head;

  private FileFingerprint(long size, long modifiedMillis, String head) {
    this.size = size;
    this.modifiedMillis = modifiedMillis;
    this.head = head;
  }

  /** Reads the fingerprint of the file at {@code path} (its first {@value #HEAD_BYTES} bytes). */
  public static FileFingerprint of(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    long size = Files.size(path);
    long modified = Files.getLastModifiedTime(path).toMillis();
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buffer = new byte[1 << 16];
      long left = HEAD_BYTES;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        sha.update(buffer, 0, n);
        left -= n;
      }
    }
    return new FileFingerprint(size, modified, HexFormat.of().formatHex(sha.digest()));
  }

  /**
   * Throws a {@link BadInputException} naming what changed unless this fingerprint's text is {@code
   * saved}, the text of the fingerprint taken when the job started.
   */
  public void requireSame(String saved, Path path) {
    if (toString().equals(saved)) {
      return;
    }
    throw new BadInputException(
        path.toString(),
        -1,
        "the input changed since the interrupted run started (it was "
            + saved
            + ", it is "
            + this
            + "), so it cannot be resumed; start the job again without resuming",
        null,
        null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileFingerprint f
        && f.size == size
        && f.modifiedMillis == modifiedMillis
        && f.head.equals(head);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, modifiedMillis, head);
  }

  /** The fingerprint as one line of text: {@code size=N modified=MILLIS head-sha256=HEX}. */
  @Override
  public String toString() {
    return "size=" + size + " modified=" + modifiedMillis + " head-sha256=" + head;
  }
}
