package dev.sluice.http;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A Jetty WebSocket endpoint that runs a script on open (public: Jetty calls it reflectively). */
public final class ScriptedEndpoint implements Session.Listener.AutoDemanding {
  private final Consumer<Session> script;
  private final CountDownLatch closed;

  ScriptedEndpoint(Consumer<Session> script, CountDownLatch closed) {
    this.script = script;
    this.closed = closed;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    Thread.ofVirtual().start(() -> script.accept(session));
  }

  @Override
  public void onWebSocketClose(int status, String reason, Callback callback) {
    closed.countDown();
    callback.succeed();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    closed.countDown();
  }
}
