package dev.sluice.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.Pipe;
import dev.sluice.http.RelaySettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /}: the relay page; {@code POST /relay}: the relayed token stream. */
public final class RelayHandler extends Handler.Abstract {
  private final HttpClient client;
  private final RelaySettings settings;
  private final OpenStreams streams;
  private final byte[] page;

  /** A handler relaying by {@code settings}. */
  public RelayHandler(HttpClient client, RelaySettings settings, OpenStreams streams)
      throws IOException {
    this.client = client;
    this.settings = settings;
    this.streams = streams;
    try (InputStream in = RelayHandler.class.getResourceAsStream("/dev/sluice/http/relay.html")) {
      if (in == null) {
        throw new IOException("resource dev/sluice/http/relay.html is missing");
      }
      this.page = in.readAllBytes();
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (path.equals("/") && HttpMethod.GET.is(method)) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
      response.write(true, ByteBuffer.wrap(page), callback);
      return true;
    }
    if (!path.equals("/relay")) {
      Response.writeError(request, response, callback, 404);
      return true;
    }
    if (!HttpMethod.POST.is(method)) {
      Response.writeError(request, response, callback, 405);
      return true;
    }
    JsonNode messages;
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(settings.maxRequestBytes() + 1);
      if (body.length > settings.maxRequestBytes()) {
        Response.writeError(
            request,
            response,
            callback,
            413,
            "body larger than maxRequestBytes (" + settings.maxRequestBytes() + ")");
        return true;
      }
      messages = TokenDecoder.JSON.readTree(body).path("messages");
    } catch (IOException e) {
      messages = null;
    }
    if (messages == null || !messages.isArray()) {
      Response.writeError(
          request, response, callback, 400, "expected a JSON object with a messages array");
      return true;
    }
    Pipe<dev.sluice.http.ServerSentEvent> events =
        Pipe.generate(new RelayStream(client, settings, messages));
    EventStream stream = new EventStream(request, response, settings.server().clientBuffer());
    streams.open(stream);
    try {
      stream.serve(events);
      response.write(true, ByteBuffer.allocate(0), callback);
    } catch (Throwable t) {
      callback.failed(t);
    } finally {
      streams.ended(stream);
    }
    return true;
  }
}
