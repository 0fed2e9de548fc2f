package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.Cancellation;
import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import dev.sluice.io.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SseRecordingTest {
  @TempDir Path dir;

  private static ServerSentEvent event(int i) {
    return new ServerSentEvent(i == 1 ? "" : Integer.toString(i), "tick", "line " + i + "\nmore");
  }

  private static String line(int i) {
    String id = i == 1 ? "\"\"" : "\"" + i + "\"";
    return "{\"id\":" + id + ",\"event\":\"tick\",\"data\":\"line " + i + "\\nmore\"}";
  }

  /** Emits {@code n} events, then counts down {@code sent} and waits until interrupted. */
  private static Pipe<ServerSentEvent> eventsThenWait(int n, CountDownLatch sent) {
    return Pipe.generate(
        out -> {
          for (int i = 0; i < n; i++) {
            out.emit(event(i));
          }
          sent.countDown();
          new CountDownLatch(1).await();
        });
  }

  @Test
  void aRecordIsIdEventAndDataInThatOrder() {
    assertThat(SseRecording.record(event(7)))
        .containsExactly(
            java.util.Map.entry("id", "7"),
            java.util.Map.entry("event", "tick"),
            java.util.Map.entry("data", "line 7\nmore"));
    assertThat(SseRecording.record(event(1))).containsEntry("id", "").hasSize(3);
  }

  @Test
  void writesEveryEventUntilTheEndAndCommits() throws Exception {
    Path out = dir.resolve("events.jsonl");
    Pipe<ServerSentEvent> events = Pipe.of(event(0), event(1), event(2));
    assertThat(SseRecording.write(events, Output.file(out), new Cancellation())).isEqualTo(3);
    assertThat(Files.readAllLines(out)).containsExactly(line(0), line(1), line(2));
  }

  @Test
  void aStopCommitsEveryEventWrittenBeforeIt() throws Exception {
    Path out = dir.resolve("events.jsonl");
    Cancellation stop = new Cancellation();
    CountDownLatch sent = new CountDownLatch(1);
    Thread stopper =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    sent.await(); // the fifth emit returned: the fifth event was written
                  } catch (InterruptedException e) {
                    return;
                  }
                  stop.cancel();
                });
    long written = SseRecording.write(eventsThenWait(5, sent), Output.file(out), stop);
    stopper.join();
    assertThat(written).isEqualTo(5);
    assertThat(Files.readAllLines(out))
        .containsExactly(line(0), line(1), line(2), line(3), line(4));
  }

  @Test
  void aFailureAbortsTheOutput() {
    Path out = dir.resolve("events.jsonl");
    Pipe<ServerSentEvent> failing =
        Pipe.generate(
            o -> {
              o.emit(event(0));
              throw new IOException("the stream broke");
            });
    assertThatThrownBy(() -> SseRecording.write(failing, Output.file(out), new Cancellation()))
        .hasMessageContaining("the stream broke");
    assertThat(out).doesNotExist();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aCancellationOtherThanTheStopIsAFailure() throws Exception {
    Path out = dir.resolve("events.jsonl");
    Cancellation other = new Cancellation();
    CountDownLatch sent = new CountDownLatch(1);
    Thread canceller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    sent.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  other.cancel();
                });
    Pipe<ServerSentEvent> events = eventsThenWait(2, sent).withCancellation(other);
    assertThatThrownBy(() -> SseRecording.write(events, Output.file(out), new Cancellation()))
        .isInstanceOf(PipeCancelledException.class);
    canceller.join();
    assertThat(out).doesNotExist();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void recordsWhatTheSseClientReceives() throws Exception {
    try (var server =
        new FakeServer(
            "/events",
            exchange -> {
              try (var body = FakeServer.stream(exchange)) {
                body.write("id: 1\nevent: a\ndata: x\n\ndata: y\ndata: z\n\n".getBytes());
              }
            })) {
      Path out = dir.resolve("events.jsonl");
      Pipe<ServerSentEvent> events = Sse.events(server.uri("/events"), SseSettings.defaults());
      assertThat(SseRecording.write(events.take(2), Output.file(out), new Cancellation()))
          .isEqualTo(2);
      assertThat(Files.readAllLines(out))
          .isEqualTo(
              List.of(
                  "{\"id\":\"1\",\"event\":\"a\",\"data\":\"x\"}",
                  "{\"id\":\"1\",\"event\":\"message\",\"data\":\"y\\nz\"}"));
    }
  }
}
