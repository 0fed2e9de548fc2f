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
 *   <li><b>Threads only where named.</b> {@link dev.sluice.Pipe#iterator()} and {@link
 *       dev.sluice.Pipe#stream()} run the pipe on a virtual thread behind a bounded hand-off;
 *       nothing else in this package starts a thread. No thread outlives its run: {@link
 *       dev.sluice.CloseableIterator#close()} returns after the producer ended.
 *   <li><b>Resources close on every way out</b> (completion, failure, early stop, cancellation),
 *       innermost first, exactly once; a failure while closing is added as suppressed.
 *   <li><b>Errors.</b> User functions may throw checked exceptions. The first failure ends the run;
 *       the caller gets unchecked exceptions as they are (with a suppressed note naming the stage
 *       and element) and checked ones wrapped once in {@link dev.sluice.PipeException}. Elements
 *       that reached the end before the failure were delivered.
 *   <li><b>Cancellation.</b> Interrupting the thread that runs a terminal operation cancels the
 *       run: it ends with {@link dev.sluice.PipeCancelledException}, everything closed, the
 *       interrupt status set.
 * </ol>
 */
package dev.sluice;
