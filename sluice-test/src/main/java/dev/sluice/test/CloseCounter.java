package dev.sluice.test;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the resources a source under test opens and how often each is closed: wrap what the source
 * opens with {@link #track(InputStream)} (or {@link #track(Reader)}, {@link
 * #track(AutoCloseable)}), run, then check {@link #allClosedOnce()}. Thread-safe: a run may close
 * on another thread.
 *
 * <pre>{@code
 * CloseCounter counter = new CloseCounter();
 * Input input = Input.stream("data", () -> counter.track(Files.newInputStream(path)));
 * Lines.read(input, LineSettings.defaults()).take(1).toList();
 * assertThat(counter.allClosedOnce()).isTrue();
 * }</pre>
 */
public final class CloseCounter {
  private final AtomicInteger opens = new AtomicInteger();
  private final AtomicInteger closes = new AtomicInteger();
  private final AtomicInteger extraCloses = new AtomicInteger();

  /** A counter with nothing opened yet. */
  public CloseCounter() {}

  /** Counts {@code in} as opened, and its first close (later ones as {@link #extraCloses()}). */
  public InputStream track(InputStream in) {
    Once once = opened();
    return new FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        once.close();
        super.close();
      }
    };
  }

  /** Counts {@code reader} as opened, and its first close. */
  public Reader track(Reader reader) {
    Once once = opened();
    return new FilterReader(reader) {
      @Override
      public void close() throws IOException {
        once.close();
        super.close();
      }
    };
  }

  /** Counts {@code resource} as opened, and its first close. */
  public AutoCloseable track(AutoCloseable resource) {
    Once once = opened();
    return () -> {
      once.close();
      resource.close();
    };
  }

  /** Resources opened so far. */
  public int opens() {
    return opens.get();
  }

  /** Resources closed so far (each counted once). */
  public int closes() {
    return closes.get();
  }

  /** Closes of a resource that was already closed. */
  public int extraCloses() {
    return extraCloses.get();
  }

  /** Whether every resource opened was closed, none of them twice. */
  public boolean allClosedOnce() {
    return opens.get() == closes.get() && extraCloses.get() == 0;
  }

  @Override
  public String toString() {
    return "CloseCounter[opens="
        + opens
        + ", closes="
        + closes
        + ", extraCloses="
        + extraCloses
        + "]";
  }

  private Once opened() {
    opens.incrementAndGet();
    return new Once();
  }

  private final class Once {
    private final AtomicInteger count = new AtomicInteger();

    void close() {
      if (count.getAndIncrement() == 0) {
        closes.incrementAndGet();
      } else {
        extraCloses.incrementAndGet();
      }
    }
  }
}
