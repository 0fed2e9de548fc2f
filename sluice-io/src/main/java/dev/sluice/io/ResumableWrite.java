package dev.sluice.io;

import dev.sluice.Resumable;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Writes a {@link Resumable} source into a file so that a crashed run resumes with nothing lost and
 * nothing written twice, and the finished file is byte for byte what an uninterrupted run writes:
 * the resumable atomic file output of {@code convert --resume} and {@code export}, for library
 * users too.
 *
 * <p>The elements go through one {@link Encoder} into the output's {@link PartFile} as they come
 * (nothing of a chunk is held in memory but a 64 KiB buffer); after each chunk of {@link #chunk}
 * elements the encoder is flushed and the part committed (fsynced) with the position of the chunk's
 * last element (when the source fails, the rows of a partial chunk stay uncommitted and a resumed
 * run cuts them off, so that it cuts its chunks at the same rows), and a {@code .gz} output gets
 * one gzip member per chunk, as {@link ChunkEncoder} makes them. A run given the {@link
 * PartFile.Saved} state of an interrupted one truncates the part back to the last commit and
 * continues after its position; since chunks end at the same elements in both runs, the bytes are
 * the same. At the end the part is renamed onto the output. A crash after that rename but before
 * the position file was deleted is finished by deleting it.
 *
 * <pre>{@code
 * RowFile in = RowFile.csv(Path.of("big.csv"), CsvSettings.defaults());
 * long rows = ResumableWrite.of(Path.of("big.jsonl.gz"), "csv to jsonl of big.csv")
 *     .chunk(20_000)
 *     .write(in, PartFile.load(Path.of("big.jsonl.gz")), (out, resumed) -> JsonLines.rowEncoder(out));
 * }</pre>
 */
public final class ResumableWrite {
  private final Path output;
  private final String job;
  private final int chunk;
  private final Predicate<? super String> endsChunk;
  private final LongConsumer onChunk;

  private ResumableWrite(
      Path output,
      String job,
      int chunk,
      Predicate<? super String> endsChunk,
      LongConsumer onChunk) {
    this.output = output;
    this.job = job;
    this.chunk = chunk;
    this.endsChunk = endsChunk;
    this.onChunk = onChunk;
  }

  /**
   * A write to {@code output} for the job described by {@code job} (one line; a resumed run must
   * describe itself the same, else it is refused), in chunks of 10,000 elements.
   */
  public static ResumableWrite of(Path output, String job) {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(job, "job");
    return new ResumableWrite(output, job, 10_000, null, n -> {});
  }

  /** This write with chunks of {@code elements} elements, each one commit. */
  public ResumableWrite chunk(int elements) {
    if (elements <= 0) {
      throw new IllegalArgumentException("chunk must be > 0, was " + elements);
    }
    return new ResumableWrite(output, job, elements, null, onChunk);
  }

  /**
   * This write with a chunk ending after each element whose position satisfies {@code endsChunk}
   * (such as the last item of a page of a paginated API), instead of every {@link #chunk} elements.
   * The source must reach such a position often enough: a chunk is held until it ends.
   */
  public ResumableWrite chunkAt(Predicate<? super String> endsChunk) {
    return new ResumableWrite(
        output, job, chunk, Objects.requireNonNull(endsChunk, "endsChunk"), onChunk);
  }

  /** This write calling {@code committed} with the count of each chunk once it is on disk. */
  public ResumableWrite onChunk(LongConsumer committed) {
    return new ResumableWrite(
        output, job, chunk, endsChunk, Objects.requireNonNull(committed, "committed"));
  }

  /** Makes the encoder of a write. */
  @FunctionalInterface
  public interface EncoderFactory<T> {
    /**
     * The encoder over {@code out}; {@code resumed} when the output already holds committed bytes
     * (a CSV header, say, that must not be written again).
     */
    Encoder<? super T> open(OutputStream out, boolean resumed) throws Exception;
  }

  /** Whether the run {@code saved} describes crashed after its rename: then it is done now. */
  private boolean finishedBefore(PartFile.Saved saved) throws java.io.IOException {
    if (saved != null && !Files.exists(PartFile.part(output)) && Files.exists(output)) {
      Files.delete(PartFile.pos(output)); // the crash came after the rename
      return true;
    }
    return false;
  }

  /** The position to continue after: the saved one, or none for a fresh run. */
  private static Optional<String> after(PartFile.Saved saved) {
    return saved == null || saved.position().isEmpty()
        ? Optional.empty()
        : Optional.of(saved.position());
  }

  /**
   * Writes the elements of {@code source} after {@code saved} (all of them when null) and completes
   * the output; returns the elements in the finished file.
   */
  public <T> long write(Resumable<T> source, PartFile.Saved saved, EncoderFactory<T> encoder)
      throws Exception {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(encoder, "encoder");
    if (finishedBefore(saved)) {
      return saved.rows();
    }
    Optional<String> after = after(saved);
    boolean resumed = saved != null && saved.bytes() > 0;
    try (PartFile part = PartFile.open(output, job, saved)) {
      // each element is encoded into the part as it comes, uncommitted until its chunk ends;
      // chunks are cut here, not by batch(), which would flush a partial chunk when the source
      // fails: a resumed run would then cut its chunks (and gzip members) at other rows
      Chunks stream = new Chunks(part, output.getFileName().toString().endsWith(".gz"));
      @SuppressWarnings("unchecked") // an encoder of a supertype of T is an encoder of T
      Encoder<T> encode = (Encoder<T>) encoder.open(stream, resumed);
      long[] count = {0};
      String[] last = {after.orElse("")};
      source
          .after(after)
          .forEach(
              p -> {
                encode.write(p.item());
                count[0]++;
                last[0] = p.position();
                if (endsChunk == null ? count[0] == chunk : endsChunk.test(p.position())) {
                  encode.flush();
                  stream.commit(count[0], last[0]);
                  onChunk.accept(count[0]);
                  count[0] = 0;
                }
              });
      if (count[0] > 0) {
        encode.flush();
        stream.commit(count[0], last[0]);
        onChunk.accept(count[0]);
      }
      encode.finish();
      if (stream.open()) {
        stream.commit(0, last[0]);
      }
      part.complete();
      return part.rows();
    }
  }

  /**
   * The stream into a part file: uncommitted bytes through a 64 KiB buffer, with gzip a member
   * opened at a chunk's first byte (so a chunk that writes nothing has no member) and finished at
   * its commit.
   */
  private static final class Chunks extends OutputStream {
    private final PartFile part;
    private final boolean gzip;
    private final OutputStream file;
    private OutputStream member;

    Chunks(PartFile part, boolean gzip) {
      this.part = part;
      this.gzip = gzip;
      this.file =
          new java.io.BufferedOutputStream(
              new OutputStream() {
                @Override
                public void write(int b) throws java.io.IOException {
                  write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws java.io.IOException {
                  part.write(b, off, len);
                }
              },
              1 << 16);
    }

    @Override
    public void write(int b) throws java.io.IOException {
      current().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      if (len > 0) {
        current().write(b, off, len);
      }
    }

    private OutputStream current() throws java.io.IOException {
      if (member == null) {
        member = gzip ? new java.util.zip.GZIPOutputStream(file, 1 << 13) : file;
      }
      return member;
    }

    /** Whether bytes were written since the last commit. */
    boolean open() {
      return member != null;
    }

    /** Commits the chunk written since the last commit ({@code count} elements, then position). */
    void commit(long count, String position) throws java.io.IOException {
      if (member instanceof java.util.zip.GZIPOutputStream gz) {
        gz.finish();
      }
      member = null;
      file.flush();
      part.commit(count, position);
    }
  }

  /** A source whose chunks come encoded already (such as PostgreSQL's {@code COPY} output). */
  @FunctionalInterface
  public interface ByteChunks {
    /**
     * Writes the chunks after {@code after} (from the start if empty) to {@code out}, each through
     * the stream {@link ChunkOut#open} gives and then {@link ChunkOut#commit}; returns the
     * elements.
     */
    long write(Optional<String> after, ChunkOut out) throws Exception;
  }

  /** Where the chunks of {@link ByteChunks} go. */
  public interface ChunkOut {
    /** The stream of the next chunk (a gzip member of its own with {@code .gz}). */
    OutputStream open() throws java.io.IOException;

    /**
     * Commits the chunk written since {@link #open}: {@code count} elements, then {@code position}.
     */
    void commit(long count, String position) throws java.io.IOException;
  }

  /**
   * Like {@link #write} for chunks encoded by the source: each streams into the part file as it
   * comes (nothing of a chunk is held in memory), {@code header} before the first chunk of a fresh
   * run (or alone, when there is none), the chunk committed when the source says. The source must
   * cut its chunks at the same elements in every run. A failing source leaves its open chunk
   * uncommitted: a rerun cuts it off.
   */
  public long writeBytes(ByteChunks source, PartFile.Saved saved, byte[] header) throws Exception {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(header, "header");
    if (finishedBefore(saved)) {
      return saved.rows();
    }
    Optional<String> after = after(saved);
    try (PartFile part = PartFile.open(output, job, saved)) {
      Chunks stream = new Chunks(part, output.getFileName().toString().endsWith(".gz"));
      boolean[] headerDue = {saved == null || saved.bytes() == 0};
      source.write(
          after,
          new ChunkOut() {
            @Override
            public OutputStream open() throws java.io.IOException {
              if (headerDue[0]) {
                headerDue[0] = false;
                stream.write(header, 0, header.length);
              }
              return stream;
            }

            @Override
            public void commit(long count, String position) throws java.io.IOException {
              stream.commit(count, position);
              onChunk.accept(count);
            }
          });
      if (headerDue[0] && header.length > 0) {
        stream.write(header, 0, header.length);
        stream.commit(0, after.orElse(""));
      }
      part.complete();
      return part.rows();
    }
  }
}
