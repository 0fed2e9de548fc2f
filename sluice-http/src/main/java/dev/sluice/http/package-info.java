/**
 * HTTP connectors: a paginated REST source ({@link dev.sluice.http.Rest}), a server-sent events
 * client ({@link dev.sluice.http.Sse}) and server ({@link dev.sluice.http.SseServer}), the LLM
 * token relay ({@link dev.sluice.http.Relay}) and a WebSocket source ({@link
 * dev.sluice.http.WebSockets}). Decisions: {@code docs/adr/0300-http.md}.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Sources are {@link dev.sluice.Pipe}s built from {@code Pipe.generate} or {@code
 *       Pipe.paginate}: they run on the calling thread, start no thread of their own, close their
 *       HTTP response on every way out (end, failure, early stop, interrupt), and an interrupt or a
 *       {@link dev.sluice.Cancellation} ends a blocked read within milliseconds.
 *   <li>Clients use {@link java.net.http.HttpClient} (HTTP/1.1 unless a client is passed in); the
 *       sources built without a client share one per connect timeout, so a call costs no client
 *       thread of its own; servers use Jetty 12 core on virtual threads: an event stream's pipe
 *       runs on its request's virtual thread and is written with Jetty's asynchronous writes (no
 *       thread of its own); one heartbeat timer thread per server serves all its streams while any
 *       is open. A client that disconnects cancels its run at once (the end of its connection's
 *       input is watched, and a failed write cancels too), which interrupts the pipe's thread and
 *       closes what the run opened.
 *   <li>Bounded: a REST source holds one page (no prefetch), the WebSocket source one message (a
 *       {@link dev.sluice.http.WebSockets#feed feed} at most its capacity, dropping or failing by
 *       its {@link dev.sluice.Overflow} policy), an event stream at most {@link
 *       dev.sluice.http.SseServerSettings#clientBuffer()} events per client (a full buffer makes
 *       that client's pipe wait; nothing is dropped).
 *   <li>Settings are immutable builders whose {@code toString} lists every value (header values,
 *       which may be credentials, are not shown). Every limit has a named setting, and the error
 *       that reports it names the setting.
 *   <li>Failures are {@link dev.sluice.http.HttpException}s naming the URL, and where they apply
 *       the status and the attempt; they never contain a credential.
 * </ul>
 *
 * <h2>Server-sent events</h2>
 *
 * <p>The parser follows the WHATWG {@code text/event-stream} rules: one leading BOM is stripped;
 * lines end with CRLF, LF or CR (a CR at the end of one read and an LF at the start of the next are
 * one line end); lines starting with {@code :} are comments; {@code data} values are joined with
 * LF; {@code event} sets the type (default {@code message}); {@code id} sets the last event id
 * unless it contains NUL; {@code retry} sets the reconnection time only when it is all ASCII
 * digits; a line without a colon is a field with an empty value; one space after the colon is
 * stripped; an event is dispatched only on a blank line (a partial event at the end of the stream
 * is dropped) and only if it had a {@code data} line. Limits: {@link
 * dev.sluice.http.SseSettings#maxLineLength()} and {@link
 * dev.sluice.http.SseSettings#maxEventSize()}.
 */
package dev.sluice.http;
