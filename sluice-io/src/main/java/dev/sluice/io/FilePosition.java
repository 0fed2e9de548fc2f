package dev.sluice.io;

import dev.sluice.ResumeRefusedException;
import java.nio.file.Path;

/**
 * A position of a {@link RowFile} read by byte offsets: after {@code records} records, which are
 * the records before the record boundary at byte {@code offset} and the first {@code skip} records
 * of the segment from there to the record boundary at {@code end}; {@code lines} line breaks and
 * the record at line {@code lastLine} come before {@code offset} (for error messages), and {@code
 * prefix} is the {@link dev.sluice.io.internal.PrefixHash} of the bytes before {@code end} (all a
 * resume skips or parses again). As text: {@code RECORDS +SKIP at=OFFSET end=END
 * lines=LINES,LASTLINE prefix=HEX}, its first word the record count as in the positions of older
 * versions ({@code RECORDS size=… modified=… head-sha256=…}).
 */
record FilePosition(
    long records, long skip, long offset, long end, long lines, long lastLine, String prefix) {
  /** The text of the positions in the segment from {@code offset} to {@code end}, less a head. */
  static String suffix(long offset, long end, long lines, long lastLine, String prefix) {
    return " at="
        + offset
        + " end="
        + end
        + " lines="
        + lines
        + ","
        + lastLine
        + " prefix="
        + prefix;
  }

  @Override
  public String toString() {
    return records + " +" + skip + suffix(offset, end, lines, lastLine, prefix);
  }

  /** Whether {@code position} was written by a version that resumed by record number only. */
  static boolean isRecordNumber(String position) {
    int space = position.indexOf(' ');
    return space < 0 || position.startsWith("size=", space + 1);
  }

  /** Parses a position of {@code file}; refuses text that is not one. */
  static FilePosition parse(String position, Path file) {
    String[] words = position.split(" ");
    try {
      if (words.length == 6
          && words[1].startsWith("+")
          && words[2].startsWith("at=")
          && words[3].startsWith("end=")
          && words[4].startsWith("lines=")
          && words[5].startsWith("prefix=")) {
        String[] lines = words[4].substring(6).split(",", 2);
        return new FilePosition(
            Long.parseLong(words[0]),
            Long.parseLong(words[1].substring(1)),
            Long.parseLong(words[2].substring(3)),
            Long.parseLong(words[3].substring(4)),
            Long.parseLong(lines[0]),
            Long.parseLong(lines[1]),
            words[5].substring(7));
      }
    } catch (RuntimeException e) {
      // refused below
    }
    throw notOne(position, file);
  }

  /**
   * The refusal of a resume in {@code file}, now {@code size} bytes, that had read {@code read}.
   */
  static ResumeRefusedException shorter(Path file, long size, long read) {
    return new ResumeRefusedException(
        file
            + " is "
            + size
            + " bytes long, shorter than the "
            + read
            + " bytes the interrupted run had read: it is not the same file. Start again without"
            + " resuming, or restore the original file");
  }

  /** The refusal of a resume in {@code file} whose first {@code read} bytes are not those read. */
  static ResumeRefusedException changed(Path file, long read, String hash, String saved) {
    return new ResumeRefusedException(
        file
            + " changed since the interrupted run read it: its first "
            + read
            + " bytes are not those it read (they hash to "
            + hash
            + ", not "
            + saved
            + "); resuming would skip the wrong records. Start again without resuming, or"
            + " restore the original file");
  }

  /** The refusal of a position that is not one of {@code file}. */
  static ResumeRefusedException notOne(Object position, Path file) {
    return new ResumeRefusedException(
        "the saved position \""
            + position
            + "\" is not a position in "
            + file
            + "; start again without resuming");
  }
}
