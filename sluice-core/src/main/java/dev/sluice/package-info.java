/**
 * Sluice: streaming pipelines with a flat memory profile.
 *
 * <h2>The execution contract</h2>
 *
 * <ol>
 *   <li><b>Cold.</b> A {@link dev.sluice.Pipe} is a recipe; building one does nothing. A terminal
 *       operation runs it, and every run starts from the source again (except the one-shot sources
 *       {@code from(Iterator)} and {@code from(Stream)}).
 *   <li><b>Synchronous push.</b> The run happens on the caller's thread: the source hands each
 *       element through every stage by a plain call, and produces the next element only when that
 *       call returned. A generator is never more than one element ahead of its consumer, and no
 *       buffer sits between stages.
 *   <li><b>Early stop.</b> {@code take}, {@code takeWhile}, {@code first} and a failing downstream
 *       stop the source: a generator's {@link dev.sluice.Emitter#emit emit} does not return
 *       normally again, its {@code finally} blocks run once, and it is never asked for another
 *       element.
 *   <li><b>Threads only where named.</b> These operators add virtual threads and a bounded
 *       hand-off, nothing else in this package starts a thread:
 *       <ul>
 *         <li>{@link dev.sluice.Pipe#iterator()} and {@link dev.sluice.Pipe#stream()}: the run, on
 *             one thread, at most {@code buffer} elements ahead (default 1024);
 *         <li>{@link dev.sluice.Pipe#buffer(int) buffer(n)}: the upstream, at most {@code n}
 *             elements ahead;
 *         <li>{@link dev.sluice.Pipe#mapConcurrent(int, dev.sluice.CheckedFunction) mapConcurrent}
 *             and {@code mapConcurrentUnordered}: the upstream plus one thread per call, at most
 *             {@code concurrency} calls running and at most {@code window} (ordered) or {@code
 *             concurrency} (unordered) elements held, finished or not;
 *         <li>{@link dev.sluice.Pipe#batch(int, java.time.Duration) batch(size, maxWait)}: the
 *             upstream, at most {@code size} elements held;
 *         <li>{@link dev.sluice.Pipe#timeout(java.time.Duration) timeout} and {@link
 *             dev.sluice.Pipe#withCancellation withCancellation}: the run, on one thread, watched
 *             by the caller; no elements held;
 *         <li>{@link dev.sluice.Pipe#merge(dev.sluice.Pipe...) merge}: one thread per input, at
 *             most 1024 elements held in all; {@link dev.sluice.Pipe#zip zip}: one thread per
 *             input, at most 1024 elements ahead each;
 *         <li>{@link dev.sluice.Pipe#tee(int, dev.sluice.SlowBranch, dev.sluice.CheckedConsumer)
 *             tee}: one thread per branch, at most {@code buffer} elements behind (wait, drop or
 *             detach when full);
 *         <li>{@link dev.sluice.Pipe#onProgress onProgress}: one reporter thread, no elements held
 *             ({@link dev.sluice.ProgressLog} prints its reports as log lines);
 *         <li>{@link dev.sluice.Pipe#partition partition}: one thread per branch (two), at most
 *             1024 elements behind each; {@link dev.sluice.Pipe#interleave interleave}: one thread
 *             per input, at most 1024 elements ahead each;
 *         <li>{@link dev.sluice.Pipe#conflate() conflate}, {@link dev.sluice.Pipe#debounce
 *             debounce} and {@link dev.sluice.Pipe#sample sample}: the upstream, which never waits;
 *             one element held (the others are dropped: only the latest counts);
 *         <li>{@link dev.sluice.Pipe#toPublisher() toPublisher}: one thread per subscription,
 *             emitting only what was requested (it ends when the subscription does); {@link
 *             dev.sluice.Pipe#fromPublisher(java.util.concurrent.Flow.Publisher, int)
 *             fromPublisher} starts none and holds at most {@code prefetch} elements.
 *       </ul>
 *       {@code throttle}, the retries and {@code restarting} wait on the calling thread and add
 *       none. <b>Structured:</b> every thread a run starts has ended (interrupted if need be, then
 *       joined) before the terminal operation returns or throws, on every way out; {@link
 *       dev.sluice.CloseableIterator#close()} returns after the producer ended; an iterator or
 *       stream dropped unclosed is cancelled (and its resources closed) once it is unreachable.
 *       There is no unbounded queue.
 *   <li><b>Failure order.</b> Elements emitted before an upstream failure reach the consumer before
 *       the failure, through every operator, async ones included: {@code buffer}, {@code merge},
 *       {@code zip} (the pairs that can still be formed), {@code mapConcurrent} and {@code
 *       mapConcurrentUnordered}, {@code tee} (its branches too), {@code batch(size)} and {@code
 *       batch(size, maxWait)} (the partial batch goes downstream, then the failure), {@code
 *       iterator()}, {@code stream()}, {@code timeout} and {@code withCancellation}. The
 *       exceptions, by design: a failing <em>call</em> of {@code mapConcurrent} fails the run at
 *       once (fail fast: results of slower earlier calls are not awaited, the other calls are
 *       interrupted); a failure downstream, an early stop or a cancellation ends the run without
 *       delivering what is still in a hand-off; and a source that reads in pages (the JDBC keyset
 *       and offset sources) delivers nothing of a page whose reading failed.
 *   <li><b>Resources close on every way out</b> (completion, failure, early stop, cancellation),
 *       innermost first, exactly once; a failure while closing is added as suppressed.
 *   <li><b>Errors.</b> User functions may throw checked exceptions. The first failure ends the run;
 *       the caller gets unchecked exceptions as they are (with a suppressed note naming the stage
 *       and element) and checked ones wrapped once in {@link dev.sluice.PipeException}. Elements
 *       that reached the end before the failure were delivered. Errors as values are opt-in: {@link
 *       dev.sluice.Pipe#mapAttempt mapAttempt} (a {@link dev.sluice.Result} per element), {@link
 *       dev.sluice.Pipe#mapOrDeadLetter mapOrDeadLetter} (failures to a dead-letter sink, counted
 *       in {@link dev.sluice.Progress#failed()}) and {@link dev.sluice.Pipe#recover recover};
 *       interrupts, cancellations and errors still end the run.
 *   <li><b>Cancellation.</b> Interrupting the thread that runs a terminal operation cancels the
 *       run: it ends with {@link dev.sluice.PipeCancelledException}, everything closed, the
 *       interrupt status set (also when a library wrapped the interrupt in an unchecked exception
 *       on its way out). {@link dev.sluice.Pipe#timeout(java.time.Duration) timeout(d)} bounds a
 *       run and ends it with {@link dev.sluice.PipeTimeoutException}; a {@link
 *       dev.sluice.Cancellation} cancels it from another thread with {@link
 *       dev.sluice.PipeCancelledException}. Both interrupt and join the run's threads but never the
 *       calling thread, so they leave no interrupt behind. They also mark the run cancelled, and
 *       every {@link dev.sluice.Emitter#emit emit} checks that mark, so a generator that swallows
 *       {@link java.lang.InterruptedException} stops at its next {@code emit} (one that never emits
 *       again cannot be stopped by any of this).
 *   <li><b>Emitters belong to their run.</b> An {@link dev.sluice.Emitter} may be used only by the
 *       thread that runs its generator or stage, and only while it runs; {@code emit} from another
 *       thread or after the run ended throws {@link java.lang.IllegalStateException}.
 *   <li><b>Time is injectable.</b> Every timer (batch deadlines, timeouts, call timeouts,
 *       throttling, retry backoff, debounce and sample, progress reports) reads the {@link
 *       dev.sluice.Clock} set by {@link dev.sluice.Pipe#withClock withClock}, by default {@link
 *       dev.sluice.Clock#system()}; tests use a virtual clock and never sleep.
 * </ol>
 *
 * <h2>Rows and checkpoints</h2>
 *
 * <p>Two contracts the connector modules share live here, so that no connector depends on another:
 * {@link dev.sluice.Row} (with {@link dev.sluice.Columns}), the record of named values every reader
 * produces and every writer takes, with one text rendering ({@link dev.sluice.Row#textOf}); and the
 * checkpoint contract ({@link dev.sluice.Resumable}, {@link dev.sluice.Positioned}, {@link
 * dev.sluice.Checkpoint}, {@link dev.sluice.Checkpoints}), which a source that can restart after a
 * position and a sink that commits positions implement (ADRs 0007 and 0008).
 */
package dev.sluice;
