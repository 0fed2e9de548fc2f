package dev.sluice.cli;

import dev.sluice.Cancellation;
import dev.sluice.Pipe;
import dev.sluice.http.ServerSentEvent;
import dev.sluice.http.Sse;
import dev.sluice.http.SseRecording;
import dev.sluice.http.SseSettings;
import dev.sluice.io.Output;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice sse}: records a server-sent event stream as JSON Lines. It ends after {@code
 * --max-events}, on Ctrl-C or SIGTERM, committing every event received so far, and exits 0.
 */
@Command(
    name = "sse",
    mixinStandardHelpOptions = true,
    description = {
      "Records a server-sent event stream as JSON Lines {\"id\":..,\"event\":..,\"data\":..}.",
      "Reconnects with Last-Event-ID. Stops after --max-events, on Ctrl-C or SIGTERM, and then",
      "commits every event received so far."
    })
final class SseCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "URL", description = "the event stream")
  String url;

  @Parameters(index = "1", paramLabel = "OUTPUT", description = "output file, or - for stdout")
  String output;

  @Option(names = "--max-events", paramLabel = "N", description = "stop after N events")
  long maxEvents = -1;

  @Override
  public Integer call() throws Exception {
    if (maxEvents < -1 || maxEvents == 0) {
      throw new UsageException("--max-events must be > 0, was " + maxEvents);
    }
    Pipe<ServerSentEvent> events = Sse.events(FetchCommand.parse(url), SseSettings.defaults());
    // kept on shutdown: the hook below commits what was received on SIGTERM or Ctrl-C
    Output out =
        output.equals("-") ? Output.stdout() : Output.file(Path.of(output)).keptOnShutdown();
    Cancellation stop = new Cancellation();
    CompletableFuture<Boolean> recorded = new CompletableFuture<>();
    Thread hook = new Thread(() -> stopAndHalt(stop, recorded), "sluice-sse-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      long count = SseRecording.write(maxEvents > 0 ? events.take(maxEvents) : events, out, stop);
      System.err.println("sluice: recorded " + count + " events into " + out.name());
      recorded.complete(true);
    } finally {
      recorded.complete(false); // failed: the exit code stays a failure's
      if (!stop.isCancelled()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    return Main.OK;
  }

  /** Stops the recording, waits (up to 30 s) until it ended, and exits 0 if it committed. */
  private static void stopAndHalt(Cancellation stop, CompletableFuture<Boolean> recorded) {
    stop.cancel();
    if (recorded.completeOnTimeout(false, 30, TimeUnit.SECONDS).join()) {
      Runtime.getRuntime().halt(Main.OK);
    }
  }
}
