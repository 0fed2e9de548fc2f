/**
 * Sluice HTTP: paginated REST sources, the SSE client and server, the LLM token relay and WebSocket
 * sources. See {@link dev.sluice.http}.
 */
module dev.sluice.http {
  requires transitive dev.sluice.core;
  requires transitive dev.sluice.io;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.net.http;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;

  exports dev.sluice.http;
}
