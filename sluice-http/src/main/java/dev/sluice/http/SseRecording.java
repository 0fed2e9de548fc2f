package dev.sluice.http;

import dev.sluice.Cancellation;
import dev.sluice.Pipe;
import dev.sluice.PipeCancelledException;
import dev.sluice.Sink;
import dev.sluice.io.JsonLines;
import dev.sluice.io.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Server-sent events recorded as JSON Lines, one record {@code {"id":..,"event":..,"data":..}} an
 * event, and committed when the recording is stopped: what {@code sluice sse} runs.
 *
 * <p>{@link #write} runs on the calling thread until the events end (an event stream of {@link
 * Sse#events} reconnects, so it ends by a {@code take}, a 204 or a failure) or until {@code stop}
 * is cancelled from another thread, such as a shutdown hook. A stop is not a failure: the events
 * written before it are committed and counted. A failure of the stream or of the output (or a
 * cancellation by anything but {@code stop}) aborts the output, so a file output does not appear,
 * and is thrown. To commit from a shutdown hook, give a file output {@link Output#keptOnShutdown}
 * and wait in the hook until {@code write} has returned.
 *
 * <pre>{@code
 * Cancellation stop = new Cancellation();
 * long n = SseRecording.write(Sse.events(uri, SseSettings.defaults()).take(100),
 *     Output.file(Path.of("events.jsonl")), stop);
 * }</pre>
 */
public final class SseRecording {
  private SseRecording() {}

  /**
   * The record of {@code event}: {@code id} ({@code ""} when the stream set none), {@code event}
   * and {@code data}, in that order.
   */
  public static Map<String, String> record(ServerSentEvent event) {
    Map<String, String> record = new LinkedHashMap<>();
    record.put("id", event.id());
    record.put("event", event.event());
    record.put("data", event.data());
    return record;
  }

  /**
   * Writes the record of each event into {@code output} until the events end or {@code stop} is
   * cancelled, then commits; returns the events written.
   */
  public static long write(Pipe<ServerSentEvent> events, Output output, Cancellation stop)
      throws Exception {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(stop, "stop");
    Sink.Writer<Object> writer = JsonLines.sink(Objects.requireNonNull(output, "output")).open();
    long[] count = {0};
    try {
      events
          .withCancellation(stop)
          .forEach(
              e -> {
                writer.write(record(e));
                count[0]++;
              });
    } catch (PipeCancelledException e) {
      if (!stop.isCancelled()) {
        writer.abort(e);
        throw e;
      }
    } catch (RuntimeException | Error e) {
      writer.abort(e);
      throw e;
    }
    try {
      writer.commit();
    } catch (Exception e) {
      writer.abort(e);
      throw e;
    }
    return count[0];
  }
}
