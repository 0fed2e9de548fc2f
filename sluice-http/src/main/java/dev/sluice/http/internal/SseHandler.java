package dev.sluice.http.internal;

import dev.sluice.CheckedFunction;
import dev.sluice.Pipe;
import dev.sluice.http.ServerSentEvent;
import dev.sluice.http.SseRequest;
import dev.sluice.http.SseServerSettings;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Serves each GET as the event stream its feed function builds for the request. */
public final class SseHandler extends Handler.Abstract {
  private final CheckedFunction<? super SseRequest, Pipe<ServerSentEvent>> feed;
  private final SseServerSettings settings;
  private final OpenStreams streams;

  /** A handler of {@code feed}'s streams, registered in {@code streams}. */
  public SseHandler(
      CheckedFunction<? super SseRequest, Pipe<ServerSentEvent>> feed,
      SseServerSettings settings,
      OpenStreams streams) {
    this.feed = feed;
    this.settings = settings;
    this.streams = streams;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.GET.is(request.getMethod())) {
      Response.writeError(request, response, callback, 405);
      return true;
    }
    String query = request.getHttpURI().getQuery();
    String lastId = request.getHeaders().get("Last-Event-ID");
    SseRequest sse =
        new SseRequest(
            Request.getPathInContext(request),
            query == null ? "" : query,
            lastId == null ? "" : lastId);
    Pipe<ServerSentEvent> events = feed.apply(sse);
    EventStream stream = new EventStream(request, response, settings.clientBuffer());
    streams.open(stream);
    try {
      stream.serve(events);
      callback.succeeded();
    } catch (Throwable t) {
      callback.failed(t);
    } finally {
      streams.ended(stream);
    }
    return true;
  }
}
