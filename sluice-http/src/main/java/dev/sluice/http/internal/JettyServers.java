package dev.sluice.http.internal;

import dev.sluice.http.HttpException;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Starts Jetty 12 servers whose blocking handlers run on virtual threads. */
public final class JettyServers {
  private JettyServers() {}

  /** A started server on {@code host:port} (0: ephemeral) running {@code handler}. */
  public static Server start(String host, int port, Duration idleTimeout, Handler handler)
      throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool();
    pool.setName("sluice-http-jetty");
    pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeout.toMillis());
    connector.setAcceptQueueSize(4096);
    server.addConnector(connector);
    server.setHandler(handler);
    server.setStopTimeout(0);
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return server;
  }

  /**
   * Cancels and awaits every stream, then stops {@code server}; an interrupt meanwhile is kept for
   * the caller (the server still stops).
   */
  public static void stop(Server server, OpenStreams streams) {
    boolean interrupted = false;
    try {
      streams.closeAndAwait();
    } catch (InterruptedException e) {
      interrupted = true;
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new HttpException("stopping the server failed: " + e, -1, e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The port the server's connector listens on. */
  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }
}
