package dev.sluice;

import dev.sluice.internal.ArraySource;
import dev.sluice.internal.BatchStage;
import dev.sluice.internal.BufferStage;
import dev.sluice.internal.ChannelIterator;
import dev.sluice.internal.Checks;
import dev.sluice.internal.ClockStage;
import dev.sluice.internal.ConcatSource;
import dev.sluice.internal.ConflateStage;
import dev.sluice.internal.DeadLetterStage;
import dev.sluice.internal.DebounceStage;
import dev.sluice.internal.DistinctStage;
import dev.sluice.internal.DropStage;
import dev.sluice.internal.DropWhileStage;
import dev.sluice.internal.FailedSource;
import dev.sluice.internal.FilterStage;
import dev.sluice.internal.FlatMapStage;
import dev.sluice.internal.GenerateSource;
import dev.sluice.internal.GroupByStage;
import dev.sluice.internal.InterleaveSource;
import dev.sluice.internal.IterableSource;
import dev.sluice.internal.MapAttemptStage;
import dev.sluice.internal.MapConcurrentStage;
import dev.sluice.internal.MapStage;
import dev.sluice.internal.MergeSource;
import dev.sluice.internal.OnEndStage;
import dev.sluice.internal.OnStartStage;
import dev.sluice.internal.OnceSource;
import dev.sluice.internal.PaginateSource;
import dev.sluice.internal.PartitionStage;
import dev.sluice.internal.PeekStage;
import dev.sluice.internal.PipePublisher;
import dev.sluice.internal.ProgressStage;
import dev.sluice.internal.PublisherSource;
import dev.sluice.internal.PushSource;
import dev.sluice.internal.RangeSource;
import dev.sluice.internal.RecoverStage;
import dev.sluice.internal.RestartSource;
import dev.sluice.internal.RetryStage;
import dev.sluice.internal.Retrying;
import dev.sluice.internal.SampleStage;
import dev.sluice.internal.ScanStage;
import dev.sluice.internal.SlidingStage;
import dev.sluice.internal.Source;
import dev.sluice.internal.StageChain;
import dev.sluice.internal.TakeStage;
import dev.sluice.internal.TakeWhileStage;
import dev.sluice.internal.TeeStage;
import dev.sluice.internal.Terminals;
import dev.sluice.internal.ThrottleStage;
import dev.sluice.internal.TimedBatchStage;
import dev.sluice.internal.TimeoutStage;
import dev.sluice.internal.UsingSource;
import dev.sluice.internal.ViaStage;
import dev.sluice.internal.ZipSource;
import dev.sluice.internal.ZipWithIndexStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A cold, re-runnable recipe for a stream of elements: a source followed by stages. Building one
 * does nothing; a terminal operation ({@link #forEach}, {@link #toList}, {@link #into}, …) runs it,
 * and every run starts from the source again. See the package documentation for the execution
 * contract: synchronous push on the caller's thread, early stop, resources closed on every way out,
 * the error rule and cancellation by interrupt.
 *
 * <pre>{@code
 * long active = Pipe.from(users)
 *     .filter(u -> u.active())
 *     .map(User::email)
 *     .batch(500)
 *     .peek(warehouse::insert)
 *     .count();
 * }</pre>
 *
 * <p>A {@code Pipe} is immutable and thread-safe; each run is confined to the thread that started
 * it, except where an operator's name says it adds threads ({@link #iterator()}, {@link #stream()},
 * {@link #buffer}, {@link #mapConcurrent}, {@link #batch(int, Duration)}, {@link #timeout}, {@link
 * #withCancellation}, {@link #merge}, {@link #zip}, {@link #tee}, {@link #partition}, {@link
 * #interleave}, {@link #conflate}, {@link #debounce}, {@link #sample}, {@link #onProgress}); those
 * join their threads before the run ends. Arguments are checked when the pipe is built: a null
 * function or a negative count throws then, naming the parameter.
 *
 * @param <T> the element type
 */
public final class Pipe<T> {
  /** The default number of elements {@link #iterator()} lets the producer run ahead. */
  public static final int DEFAULT_BUFFER = 1024;

  /** The default bound on the number of keys {@link #distinct()} remembers. */
  public static final int DEFAULT_MAX_DISTINCT_KEYS = 1_000_000;

  private final Source<T> source;

  private Pipe(Source<T> source) {
    this.source = source;
  }

  // ---------------------------------------------------------------------------------- sources

  /** The given elements, in order. The array is copied. */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public static <T> Pipe<T> of(T... items) {
    return new Pipe<>(new ArraySource<>(Checks.notNull(items, "items").clone()));
  }

  /** No elements. */
  public static <T> Pipe<T> empty() {
    return new Pipe<>(new ArraySource<T>(newArray()));
  }

  /**
   * The elements of an iterable; each run asks it for a new iterator (closed at the end of the run
   * if it is {@code AutoCloseable}).
   */
  public static <T> Pipe<T> from(Iterable<? extends T> iterable) {
    return new Pipe<>(new IterableSource<>(Checks.notNull(iterable, "iterable")));
  }

  /** The rest of an iterator; this pipe can run only once. */
  public static <T> Pipe<T> from(Iterator<? extends T> iterator) {
    return new Pipe<>(OnceSource.of(Checks.notNull(iterator, "iterator")));
  }

  /**
   * The elements of a stream, which is closed when the run ends; this pipe can run only once. Use
   * {@link #using} with a stream-returning function for a pipe that can run again.
   */
  public static <T> Pipe<T> from(Stream<? extends T> stream) {
    return new Pipe<>(OnceSource.of(Checks.notNull(stream, "stream")));
  }

  /**
   * A source written as plain code; see {@link Generator} and {@link Emitter} for how it is stopped
   * early. Runs on the thread that runs the pipe.
   */
  public static <T> Pipe<T> generate(Generator<T> generator) {
    return generate("generate", generator);
  }

  /**
   * {@link #generate(Generator)} with the name error notes and progress reports give the source,
   * like {@code "csv orders.csv"} instead of {@code "generate"}: {@code "csv orders.csv (stage 0)
   * failed at element 17"}.
   */
  public static <T> Pipe<T> generate(String name, Generator<T> generator) {
    return new Pipe<>(
        new GenerateSource<>(Checks.name(name), Checks.notNull(generator, "generator")));
  }

  /**
   * A paginated source: fetches the page for {@code first}, emits its items, then fetches the page
   * for its {@link Page#next() next} cursor until a page has none. A page is fetched only when
   * every item of the previous one was taken, so an early stop fetches no further page.
   */
  public static <C, T> Pipe<T> paginate(C first, CheckedFunction<? super C, Page<C, T>> fetch) {
    return new Pipe<>(new PaginateSource<>(first, Checks.notNull(fetch, "fetch")));
  }

  /** The longs from {@code from} (inclusive) to {@code to} (exclusive). */
  public static Pipe<Long> range(long from, long to) {
    return new Pipe<>(new RangeSource(from, to));
  }

  /** The elements of each pipe, one pipe after the other. */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public static <T> Pipe<T> concat(Pipe<? extends T>... pipes) {
    return concat(List.of(Checks.notNull(pipes, "pipes")));
  }

  /** The elements of each pipe, one pipe after the other. */
  public static <T> Pipe<T> concat(List<? extends Pipe<? extends T>> pipes) {
    List<Source<? extends T>> sources = new ArrayList<>();
    for (Pipe<? extends T> pipe : Checks.notNull(pipes, "pipes")) {
      sources.add(Checks.notNull(pipe, "pipes[" + sources.size() + "]").source);
    }
    return new Pipe<>(new ConcatSource<>(List.copyOf(sources)));
  }

  /**
   * The elements of all pipes, each run on its own virtual thread, in the order they arrive (first
   * come, first served). At most {@link #DEFAULT_BUFFER} elements wait between the inputs and
   * downstream. The first failure of any input ends the run: the elements that arrived before it
   * are delivered, then the other inputs are interrupted and joined and the failure is thrown.
   */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public static <T> Pipe<T> merge(Pipe<? extends T>... pipes) {
    return merge(Arrays.asList(Checks.notNull(pipes, "pipes")));
  }

  /** Like {@link #merge(Pipe...)}, over a list of pipes. */
  public static <T> Pipe<T> merge(List<? extends Pipe<? extends T>> pipes) {
    List<Source<? extends T>> sources = new ArrayList<>();
    for (Pipe<? extends T> pipe : Checks.notNull(pipes, "pipes")) {
      sources.add(Checks.notNull(pipe, "pipes[" + sources.size() + "]").source);
    }
    return new Pipe<>(new MergeSource<>(List.copyOf(sources), DEFAULT_BUFFER));
  }

  /**
   * Pairs the i-th elements of {@code a} and {@code b} through {@code zipper}; ends with the
   * shorter input. Each input runs on its own virtual thread, at most {@link #DEFAULT_BUFFER}
   * elements ahead; a failure of either ends the run after the pairs before it, interrupting the
   * other input.
   */
  public static <A, B, R> Pipe<R> zip(
      Pipe<A> a, Pipe<B> b, CheckedBiFunction<? super A, ? super B, ? extends R> zipper) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    Checks.notNull(zipper, "zipper");
    return new Pipe<>(new ZipSource<>(a.source, b.source, zipper, DEFAULT_BUFFER));
  }

  /**
   * The elements of a {@link Flow.Publisher}: each run subscribes once, asks for {@code prefetch}
   * elements and then for more as downstream takes them, so at most {@code prefetch} are held. An
   * early stop, failure or interrupt cancels the subscription. Runs on the publisher's threads and
   * the caller's; starts none.
   */
  public static <T> Pipe<T> fromPublisher(Flow.Publisher<? extends T> publisher, int prefetch) {
    Checks.notNull(publisher, "publisher");
    return new Pipe<>(
        new PublisherSource<>(publisher, (int) Checks.positive(prefetch, "prefetch")));
  }

  /** Like {@link #fromPublisher(Flow.Publisher, int)} with a prefetch of 256. */
  public static <T> Pipe<T> fromPublisher(Flow.Publisher<? extends T> publisher) {
    return fromPublisher(publisher, 256);
  }

  /**
   * A push feed: the elements a callback API hands over, through a queue of at most {@code
   * capacity}. Each run calls {@code register} with a fresh {@link PushFeed} (on the run's thread;
   * hook it up to the callbacks there) and takes the queued elements on the run's thread until the
   * feed completes or fails; the {@link AutoCloseable} {@code register} returns is closed on every
   * way out (end, early stop, failure, timeout, cancellation), after the feed stopped taking offers
   * (they return false). A full queue applies {@code overflow}; dropped elements are counted in
   * {@link Progress#dropped()}. Starts no thread.
   *
   * <pre>{@code
   * Pipe<Tick> ticks = Pipe.push(1024, Overflow.DROP_OLDEST, feed -> {
   *   Subscription s = market.subscribe(feed::offer);
   *   return s::cancel;
   * });
   * }</pre>
   */
  public static <T> Pipe<T> push(
      int capacity,
      Overflow overflow,
      CheckedFunction<? super PushFeed<T>, ? extends AutoCloseable> register) {
    Checks.notNull(overflow, "overflow");
    Checks.notNull(register, "register");
    return new Pipe<>(
        new PushSource<>((int) Checks.positive(capacity, "capacity"), overflow, register));
  }

  /**
   * A source bound to a resource: each run calls {@code open}, runs the pipe {@code use} builds on
   * the resource, and closes the resource when the run ends in any way (a close failure is thrown,
   * or added as suppressed to the run's failure).
   *
   * <pre>{@code
   * Pipe<String> lines = Pipe.using(() -> Files.lines(path), Pipe::from);
   * }</pre>
   */
  public static <R extends AutoCloseable, T> Pipe<T> using(
      CheckedSupplier<? extends R> open, CheckedFunction<? super R, Pipe<T>> use) {
    return using("using", open, use);
  }

  /**
   * {@link #using(CheckedSupplier, CheckedFunction)} with the name error notes and progress reports
   * give the source, like {@code "keyset orders"}: {@code "keyset orders (stage 0) opening the
   * resource"}.
   */
  public static <R extends AutoCloseable, T> Pipe<T> using(
      String name, CheckedSupplier<? extends R> open, CheckedFunction<? super R, Pipe<T>> use) {
    Checks.notNull(open, "open");
    Checks.notNull(use, "use");
    return new Pipe<>(
        new UsingSource<R, T>(Checks.name(name), open, resource -> sourceOf(use.apply(resource))));
  }

  /** A pipe whose every run fails with {@code failure}. */
  public static <T> Pipe<T> failed(Throwable failure) {
    Checks.notNull(failure, "failure");
    return new Pipe<>(new FailedSource<>(() -> failure));
  }

  // ----------------------------------------------------------------------------------- stages

  /** Each element through {@code mapper}. */
  public <R> Pipe<R> map(CheckedFunction<? super T, ? extends R> mapper) {
    return new Pipe<>(new MapStage<>(source, Checks.notNull(mapper, "mapper")));
  }

  /** The elements {@code predicate} accepts. */
  public Pipe<T> filter(CheckedPredicate<? super T> predicate) {
    return new Pipe<>(new FilterStage<>(source, Checks.notNull(predicate, "predicate")));
  }

  /**
   * Fan-out: for each element, every element of the pipe {@code mapper} builds, in order. Each
   * inner pipe runs to its end (or until downstream stops) before the next element is taken.
   */
  public <R> Pipe<R> flatMap(CheckedFunction<? super T, ? extends Pipe<? extends R>> mapper) {
    Checks.notNull(mapper, "mapper");
    return new Pipe<>(
        new FlatMapStage<T, R>(
            source,
            item ->
                Checks.notNull(mapper.apply(item), "the pipe returned by flatMap's mapper")
                    .source));
  }

  /** Runs {@code action} on each element as it passes. */
  public Pipe<T> peek(CheckedConsumer<? super T> action) {
    return new Pipe<>(new PeekStage<>(source, Checks.notNull(action, "action")));
  }

  /**
   * The first {@code n} elements. Upstream is stopped as soon as the n-th element has passed: a
   * generator never produces element n+1 and its {@code finally} blocks run.
   */
  public Pipe<T> take(long n) {
    return new Pipe<>(new TakeStage<>(source, Checks.notNegative(n, "take count")));
  }

  /** Elements while {@code predicate} holds; stops upstream at the first that fails it. */
  public Pipe<T> takeWhile(CheckedPredicate<? super T> predicate) {
    return new Pipe<>(new TakeWhileStage<>(source, Checks.notNull(predicate, "predicate")));
  }

  /** All but the first {@code n} elements. */
  public Pipe<T> drop(long n) {
    return new Pipe<>(new DropStage<>(source, Checks.notNegative(n, "drop count")));
  }

  /** Skips elements while {@code predicate} holds, then passes the rest. */
  public Pipe<T> dropWhile(CheckedPredicate<? super T> predicate) {
    return new Pipe<>(new DropWhileStage<>(source, Checks.notNull(predicate, "predicate")));
  }

  /**
   * The first occurrence of each element (by {@code equals}), remembering at most {@link
   * #DEFAULT_MAX_DISTINCT_KEYS} of them.
   */
  public Pipe<T> distinct() {
    return distinctBy(item -> item, DEFAULT_MAX_DISTINCT_KEYS);
  }

  /**
   * The first element of each key. The keys seen are held in memory, so more than {@code maxKeys}
   * of them fail the run with an error that names {@code maxKeys}.
   */
  public <K> Pipe<T> distinctBy(CheckedFunction<? super T, ? extends K> key, int maxKeys) {
    Checks.notNull(key, "key");
    Checks.positive(maxKeys, "maxKeys");
    return new Pipe<>(new DistinctStage<>(source, key, maxKeys));
  }

  /** The running fold: after each element, {@code fn(previous, element)}, starting at initial. */
  public <A> Pipe<A> scan(A initial, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
    return new Pipe<>(new ScanStage<>(source, () -> initial, Checks.notNull(fn, "fn")));
  }

  /** Lists of {@code size} consecutive elements; the last list may be shorter, none is empty. */
  public Pipe<List<T>> batch(int size) {
    return new Pipe<>(new BatchStage<>(source, (int) Checks.positive(size, "batch size")));
  }

  /**
   * A custom stage; see {@link Stage}. A stage composed with {@link Stage#andThen} runs as the
   * {@code via} of each of its parts in turn: {@code via(a.andThen(b))} is {@code via(a).via(b)}. A
   * stage whose class has its own {@code toString} is named by it in error notes and progress
   * reports ({@code "via row rules (mask email) (stage 1)"}); others are {@code "via"}.
   */
  public <R> Pipe<R> via(Stage<? super T, R> stage) {
    return new Pipe<>(via(source, Checks.notNull(stage, "stage")));
  }

  /**
   * The source of {@code via(stage)}: one node per part of a composed stage, so that each part gets
   * a push adapter and emitter of its own (ADR 0002) and costs what a {@code via} of it costs; one
   * composed node would run its parts through one more emitter, shared by every chain, that the JIT
   * does not inline.
   */
  @SuppressWarnings("unchecked")
  private static <T, M, R> Source<R> via(Source<T> source, Stage<? super T, R> stage) {
    if (stage instanceof StageChain<?, ?, ?> chain) {
      StageChain<? super T, M, R> parts = (StageChain<? super T, M, R>) chain;
      return via(via(source, parts.first()), parts.second());
    }
    return new ViaStage<>(source, stage, viaName(stage));
  }

  /** {@code "via"}, followed by the stage's own {@code toString} when its class has one. */
  private static String viaName(Stage<?, ?> stage) {
    try {
      if (stage.getClass().getMethod("toString").getDeclaringClass() != Object.class) {
        return "via " + stage;
      }
    } catch (NoSuchMethodException | RuntimeException e) {
      // a toString that fails names nothing
    }
    return "via";
  }

  // ------------------------------------------------------------------- concurrency and time

  /**
   * Lists of {@code size} elements, or fewer once {@code maxWait} has passed since the first
   * element of a list arrived; the rest at the end of the input, none empty. Adds a virtual thread
   * for the upstream; a full list that downstream has not taken blocks the upstream, so nothing is
   * dropped and at most {@code size} elements are held. The timer reads the pipe's {@link Clock}.
   */
  public Pipe<List<T>> batch(int size, Duration maxWait) {
    Checks.positive(size, "batch size");
    long nanos = Checks.positive(maxWait, "maxWait").toNanos();
    return new Pipe<>(new TimedBatchStage<>(source, size, nanos));
  }

  /**
   * Lets the upstream run ahead on a virtual thread, at most {@code n} elements ahead of downstream
   * (the hand-off holds at most {@code n} elements). An early stop or failure downstream interrupts
   * and joins the upstream thread.
   */
  public Pipe<T> buffer(int n) {
    return new Pipe<>(new BufferStage<>(source, (int) Checks.positive(n, "buffer size")));
  }

  /**
   * Each element through {@code mapper}, up to {@code concurrency} calls at once on virtual
   * threads, results in input order. Same as {@code mapConcurrent(MapConcurrency.of(concurrency),
   * mapper)}.
   */
  public <R> Pipe<R> mapConcurrent(
      int concurrency, CheckedFunction<? super T, ? extends R> mapper) {
    return mapConcurrent(MapConcurrency.of(concurrency), mapper);
  }

  /**
   * Each element through {@code mapper} on virtual threads, results in input order. At most {@code
   * settings.concurrency()} calls run at once and at most {@code settings.window()} elements are
   * held from the oldest undelivered one on (a finished result waiting for a slower earlier one
   * keeps its place), so upstream is never further ahead. <b>Fails fast:</b> the first failing call
   * fails the run at once, even while earlier calls are still running (unlike the JDK's {@code
   * Gatherers.mapConcurrent}, which reports it after them); the calls in flight are interrupted and
   * joined before the failure is thrown.
   */
  public <R> Pipe<R> mapConcurrent(
      MapConcurrency settings, CheckedFunction<? super T, ? extends R> mapper) {
    Checks.notNull(settings, "settings");
    return new Pipe<>(
        new MapConcurrentStage<>(source, settings, true, Checks.notNull(mapper, "mapper")));
  }

  /** Like {@link #mapConcurrent(int, CheckedFunction)}, results in completion order. */
  public <R> Pipe<R> mapConcurrentUnordered(
      int concurrency, CheckedFunction<? super T, ? extends R> mapper) {
    return mapConcurrentUnordered(MapConcurrency.of(concurrency), mapper);
  }

  /**
   * Like {@link #mapConcurrent(MapConcurrency, CheckedFunction)}, results in completion order. A
   * finished result holds one of the {@code concurrency} slots until downstream took it, so a slow
   * consumer slows the calls; the window setting is not used.
   */
  public <R> Pipe<R> mapConcurrentUnordered(
      MapConcurrency settings, CheckedFunction<? super T, ? extends R> mapper) {
    Checks.notNull(settings, "settings");
    return new Pipe<>(
        new MapConcurrentStage<>(source, settings, false, Checks.notNull(mapper, "mapper")));
  }

  /**
   * Bounds a run: the run (everything upstream and downstream of here) moves to a virtual thread;
   * when it has not ended {@code timeout} after it started, it is interrupted, joined, and the
   * terminal throws {@link PipeTimeoutException}. The calling thread is never interrupted. Reads
   * the pipe's {@link Clock}.
   */
  public Pipe<T> timeout(Duration timeout) {
    return new Pipe<>(new TimeoutStage<>(source, Checks.positive(timeout, "timeout"), null));
  }

  /**
   * Lets {@code cancellation} cancel runs from another thread: the run moves to a virtual thread,
   * which {@link Cancellation#cancel()} interrupts and joins; the terminal then throws {@link
   * PipeCancelledException}.
   */
  public Pipe<T> withCancellation(Cancellation cancellation) {
    Checks.notNull(cancellation, "cancellation");
    return new Pipe<>(new TimeoutStage<>(source, null, cancellation));
  }

  /**
   * At most {@code n} elements per {@code per}: elements are spaced {@code per / n} apart by
   * waiting on the calling thread (on the pipe's {@link Clock}); nothing is dropped, no thread is
   * added.
   */
  public Pipe<T> throttle(int n, Duration per) {
    Checks.positive(n, "throttle count");
    long interval = Checks.positive(per, "per").toNanos() / n;
    return new Pipe<>(new ThrottleStage<>(source, Math.max(1, interval)));
  }

  /**
   * Each element through {@code mapper}, calling it again as {@code policy} says when it fails; the
   * waits between attempts read the pipe's {@link Clock}. The last failure reaches the caller with
   * the earlier ones added as suppressed.
   */
  public <R> Pipe<R> mapRetry(RetryPolicy policy, CheckedFunction<? super T, ? extends R> mapper) {
    Checks.notNull(policy, "policy");
    Checks.notNull(mapper, "mapper");
    return map(new Retrying<T, R>(policy, mapper, ClockStage.of(source)));
  }

  /**
   * Runs the pipe up to here again from its source when it fails and {@code policy} retries the
   * failure. The elements an earlier attempt already passed on are skipped by count, so a
   * deterministic re-runnable source (a paginated API, a file) delivers each element once. Right
   * after {@link #paginate} (or its {@code withClock}), the next attempt instead fetches the page
   * it was on again, by its cursor, and skips only that page's items already passed on: earlier
   * pages are not read again. With a {@link RetryPolicy#consecutive() consecutive} policy an
   * attempt that passed on an element resets the count and the backoff. Failures raised downstream
   * of this stage are not retried.
   *
   * <pre>{@code
   * Pipe.paginate(null, api::page).withClock(clock).retry(RetryPolicy.attempts(3).consecutive());
   * }</pre>
   */
  public Pipe<T> retry(RetryPolicy policy) {
    return new Pipe<>(new RetryStage<>(source, Checks.notNull(policy, "policy")));
  }

  /**
   * Reports the run's progress to {@code listener}: every {@code interval} (on the pipe's {@link
   * Clock}) from a virtual thread, and once more, marked {@link Progress#done() done}, when the run
   * ends. A report has the count, rate, elapsed time, an ETA when {@link #knownSize()} is known,
   * heap in use, and for each stage above this one its count and working-versus-waiting time, so
   * {@link Progress#slowest()} names the bottleneck. Per-stage metering happens only in runs of a
   * pipe with {@code onProgress}; other pipes pay nothing for it. Counts are exact; on the system
   * clock the working times come from sampling where the run's threads are every millisecond
   * (reading the clock twice per element and stage would cost more than most stages), on any other
   * clock every element is timed.
   */
  public Pipe<T> onProgress(Consumer<? super Progress> listener, Duration interval) {
    Checks.notNull(listener, "listener");
    return new Pipe<>(new ProgressStage<>(source, listener, Checks.positive(interval, "interval")));
  }

  /**
   * Also hands every element to {@code branch}, a pipe over the same elements that runs on its own
   * virtual thread (it must end in a terminal operation, like {@code p -> p.into(sink)}). The
   * branch is at most {@link #DEFAULT_BUFFER} elements behind; when it is further the main path
   * waits. Call {@code tee} several times to broadcast to several branches.
   */
  public Pipe<T> tee(CheckedConsumer<? super Pipe<T>> branch) {
    return tee(DEFAULT_BUFFER, SlowBranch.WAIT, branch);
  }

  /**
   * Like {@link #tee(CheckedConsumer)}, with the branch's buffer of {@code buffer} elements and
   * what to do when it is full: wait, drop the element for the branch, or detach the branch with an
   * error (see {@link SlowBranch}). A failure of the branch fails the run (unless it was detached);
   * the branch thread is joined before the run ends.
   */
  public Pipe<T> tee(int buffer, SlowBranch policy, CheckedConsumer<? super Pipe<T>> branch) {
    Checks.positive(buffer, "buffer");
    Checks.notNull(policy, "policy");
    Checks.notNull(branch, "branch");
    return new Pipe<>(new TeeStage<>(source, buffer, policy, branch, s -> new Pipe<>(s)));
  }

  /**
   * Sets the clock that timed stages added after this one read ({@code batch(size, maxWait)},
   * {@code timeout}, call timeouts of {@code mapConcurrent}, {@code throttle}, retry backoff,
   * {@code onProgress}); costs nothing per element.
   */
  public Pipe<T> withClock(Clock clock) {
    return new Pipe<>(new ClockStage<>(source, Checks.notNull(clock, "clock")));
  }

  // ------------------------------------------------- errors as values, composition (issue 13)

  /**
   * Each element through {@code mapper}, as a {@link Result}: ok with the value, or failed with the
   * exception and the element, and the run goes on. Interrupts and cancellations still cancel the
   * run and errors still fail it. Holds nothing, adds no thread; each failure counts in {@link
   * Progress#failed()} of an {@code onProgress} below.
   *
   * <pre>{@code
   * List<Result<Integer>> parsed = Pipe.of("1", "x").mapAttempt(Integer::parseInt).toList();
   * }</pre>
   */
  public <R> Pipe<Result<R>> mapAttempt(CheckedFunction<? super T, ? extends R> mapper) {
    return new Pipe<>(new MapAttemptStage<>(source, Checks.notNull(mapper, "mapper")));
  }

  /**
   * Each element through {@code mapper}; an element whose call fails goes to {@code deadLetters} as
   * a failed {@link Result} (the exception and the element) instead, is counted in {@link
   * Progress#failed()}, and the run goes on. Each run opens a writer of {@code deadLetters} before
   * the first element and commits it when the run ends without failure, or aborts it when the run
   * fails. Interrupts and cancellations still cancel the run. Holds nothing, adds no thread.
   *
   * <pre>{@code
   * MemorySink<Result<Integer>> bad = Sinks.memory();
   * long good = Pipe.of("1", "x", "3").mapOrDeadLetter(Integer::parseInt, bad).count();
   * }</pre>
   */
  public <R> Pipe<R> mapOrDeadLetter(
      CheckedFunction<? super T, ? extends R> mapper, Sink<? super Result<R>> deadLetters) {
    Checks.notNull(mapper, "mapper");
    Checks.notNull(deadLetters, "deadLetters");
    return new Pipe<>(new DeadLetterStage<>(source, mapper, deadLetters));
  }

  /**
   * Continues with the pipe {@code fallback} makes of the exception when the pipe up to here fails:
   * the elements before the failure were delivered, then the fallback's follow. Failures raised
   * downstream of this stage, interrupts, cancellations and errors are not recovered; a failure of
   * the fallback ends the run. Holds nothing, adds no thread.
   *
   * <pre>{@code
   * Pipe<Row> rows = primary.rows().recover(e -> replica.rows());
   * }</pre>
   */
  public Pipe<T> recover(CheckedFunction<? super Exception, ? extends Pipe<? extends T>> fallback) {
    Checks.notNull(fallback, "fallback");
    return new Pipe<>(
        new RecoverStage<T>(
            source,
            e ->
                Checks.notNull(fallback.apply(e), "the pipe returned by recover's fallback")
                    .source));
  }

  /**
   * {@code function} applied to this pipe, when the pipe is built: lets a reusable part of a
   * pipeline (several stages, with their settings) be shipped and applied as one value.
   *
   * <pre>{@code
   * static Pipe<Row> anonymize(Pipe<Row> rows) { return rows.filter(Row::consented).map(...); }
   * users.through(Anonymize::anonymize).into(sink);
   * }</pre>
   */
  public <R> Pipe<R> through(Function<? super Pipe<T>, ? extends Pipe<R>> function) {
    Checks.notNull(function, "function");
    return Checks.notNull(function.apply(this), "the pipe returned by through's function");
  }

  /**
   * A source restarted after failures: runs the pipe {@code supplier} builds; when it fails and
   * {@code policy} retries the failure, waits the policy's backoff and goes on with a new pipe from
   * {@code supplier}. Nothing is skipped or repeated here, so this fits sources that pick up where
   * they are (a live feed that reconnects); for a re-readable source use {@link #retry}, for a
   * {@link Resumable} one {@link Checkpoints#retrying}. With a {@link RetryPolicy#consecutive()
   * consecutive} policy an attempt that delivered an element resets the count. The wait reads the
   * clock of the pipe that failed (a {@code withClock} at its end). Adds no thread.
   *
   * <pre>{@code
   * Pipe<Event> events = Pipe.restarting(RetryPolicy.attempts(5).consecutive(), feed::subscribe);
   * }</pre>
   */
  public static <T> Pipe<T> restarting(
      RetryPolicy policy, CheckedSupplier<? extends Pipe<? extends T>> supplier) {
    Checks.notNull(supplier, "supplier");
    return restartingFrom(
        policy,
        last -> Checks.notNull(supplier.get(), "the pipe returned by restarting's supplier"));
  }

  /** Like {@link #restarting}, with each new pipe built from the last element delivered. */
  static <T> Pipe<T> restartingFrom(
      RetryPolicy policy, CheckedFunction<? super T, ? extends Pipe<? extends T>> open) {
    Checks.notNull(policy, "policy");
    Checks.notNull(open, "open");
    return new Pipe<>(
        new RestartSource<T>(
            policy,
            last -> {
              Pipe<? extends T> next = open.apply(last);
              return next.source;
            }));
  }

  // ------------------------------------------------------- split, group, window, time (issue 13)

  /** Each element with its index in the run, from 0. Holds a counter, adds no thread. */
  public Pipe<Indexed<T>> zipWithIndex() {
    return new Pipe<>(new ZipWithIndexStage<>(source));
  }

  /**
   * Windows of {@code size} consecutive elements, a new one starting every {@code step} elements
   * ({@code step > size} skips the elements between windows). Only full windows are emitted, except
   * that a non-empty input shorter than {@code size} gives one window of all of it. Each window is
   * a new unmodifiable list. Holds at most {@code size} elements, adds no thread.
   *
   * <pre>{@code
   * Pipe.of(1, 2, 3, 4).sliding(2, 1).toList(); // [[1, 2], [2, 3], [3, 4]]
   * }</pre>
   */
  public Pipe<List<T>> sliding(int size, int step) {
    Checks.positive(size, "window size");
    Checks.positive(step, "step");
    return new Pipe<>(new SlidingStage<>(source, size, step));
  }

  /**
   * Folds the elements of each key into {@code perGroup}'s container and emits {@code (key,
   * result)} when the group closes. At most {@code maxOpenKeys} groups are open: an element of a
   * new key when that many are open first closes the least recently used group (its result goes
   * downstream), so memory stays bounded by {@code maxOpenKeys} containers, and a later element of
   * a closed key opens a new group for it (its key then appears again). At the end of the input the
   * open groups close, least recently used first; nothing is emitted after an early stop or a
   * failure. Adds no thread. With a container that grows ({@code Collectors.toList()}) each group
   * holds its elements; prefer a reducing collector.
   *
   * <pre>{@code
   * Pipe<Map.Entry<String, Long>> perUser =
   *     events.groupBy(Event::user, 10_000, Collectors.counting());
   * }</pre>
   */
  public <K, A, R> Pipe<Map.Entry<K, R>> groupBy(
      CheckedFunction<? super T, ? extends K> key,
      int maxOpenKeys,
      Collector<? super T, A, R> perGroup) {
    Checks.notNull(key, "key");
    Checks.positive(maxOpenKeys, "maxOpenKeys");
    Checks.notNull(perGroup, "perGroup");
    return new Pipe<>(new GroupByStage<>(source, key, maxOpenKeys, perGroup));
  }

  /**
   * Also hands each element to {@code matching} when {@code predicate} holds, else to {@code
   * others}, and passes it on (ignore the main path with a terminal such as {@code count()}). Each
   * branch is a pipe that runs on its own virtual thread, at most {@link #DEFAULT_BUFFER} elements
   * behind; when one is further, the main path waits. A branch that stops early receives nothing
   * more; a failure of a branch fails the run; both threads are joined before the run ends.
   *
   * <pre>{@code
   * rows.partition(Row::valid, ok -> ok.into(table), bad -> bad.into(rejects)).count();
   * }</pre>
   */
  public Pipe<T> partition(
      CheckedPredicate<? super T> predicate,
      CheckedConsumer<? super Pipe<T>> matching,
      CheckedConsumer<? super Pipe<T>> others) {
    Checks.notNull(predicate, "predicate");
    Checks.notNull(matching, "matching");
    Checks.notNull(others, "others");
    return new Pipe<>(
        new PartitionStage<>(
            source, DEFAULT_BUFFER, predicate, matching, others, s -> new Pipe<>(s)));
  }

  /**
   * Round-robin: an element of this pipe, then one of each of {@code others} in turn, skipping the
   * pipes that ended, until all ended. Each pipe runs on its own virtual thread, at most {@link
   * #DEFAULT_BUFFER} elements ahead; the order does not depend on their timing. A failure of a pipe
   * is thrown when its turn comes; the others are then interrupted and joined.
   */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public final Pipe<T> interleave(Pipe<? extends T>... others) {
    List<Source<? extends T>> sources = new ArrayList<>();
    sources.add(source);
    for (Pipe<? extends T> pipe : Checks.notNull(others, "others")) {
      sources.add(Checks.notNull(pipe, "others[" + (sources.size() - 1) + "]").source);
    }
    return new Pipe<>(new InterleaveSource<>(List.copyOf(sources), DEFAULT_BUFFER));
  }

  /**
   * Passes on the latest element whenever downstream is ready: the upstream runs on a virtual
   * thread and never waits, and elements that arrive while downstream is busy replace each other,
   * so they are dropped. For values where only the latest matters. Adds a thread; holds one
   * element. When the upstream ends or fails, the held element goes first.
   */
  public Pipe<T> conflate() {
    return new Pipe<>(new ConflateStage<>(source));
  }

  /**
   * Passes on an element once {@code quiet} has passed (on the pipe's {@link Clock}) without a
   * newer one, and the last element at the end of the input; the upstream runs on a virtual thread
   * and never waits. Adds a thread; holds one element.
   */
  public Pipe<T> debounce(Duration quiet) {
    return new Pipe<>(new DebounceStage<>(source, Checks.positive(quiet, "quiet").toNanos()));
  }

  /**
   * At each tick, every {@code period} from the start of the run (on the pipe's {@link Clock}),
   * passes on the latest element that arrived since the last tick, if any, and the held one at the
   * end of the input; the others are dropped. The upstream runs on a virtual thread and never
   * waits. Adds a thread; holds one element.
   */
  public Pipe<T> sample(Duration period) {
    return new Pipe<>(new SampleStage<>(source, Checks.positive(period, "period").toNanos()));
  }

  // ------------------------------------------------------------------------------------ hooks

  /** Runs {@code action} when a run starts, before the source opens anything. */
  public Pipe<T> onStart(CheckedRunnable action) {
    return new Pipe<>(new OnStartStage<>(source, Checks.notNull(action, "action")));
  }

  /**
   * Runs {@code action} when a run ended without failure: the input was exhausted or downstream
   * stopped early. Upstream resources are already closed.
   */
  public Pipe<T> onComplete(CheckedRunnable action) {
    Checks.notNull(action, "action");
    return new Pipe<>(new OnEndStage<>(source, OnEndStage.When.COMPLETE, failure -> action.run()));
  }

  /**
   * Runs {@code action} with the failure when a run fails or is cancelled (a {@link
   * PipeCancelledException}); the failure then goes on to the caller, with any failure of the
   * action added as suppressed.
   */
  public Pipe<T> onError(CheckedConsumer<? super Throwable> action) {
    Checks.notNull(action, "action");
    return new Pipe<>(new OnEndStage<>(source, OnEndStage.When.ERROR, action::accept));
  }

  /** Runs {@code action} when a run ends in any way, like a {@code finally} block. */
  public Pipe<T> onClose(CheckedRunnable action) {
    Checks.notNull(action, "action");
    return new Pipe<>(new OnEndStage<>(source, OnEndStage.When.CLOSE, failure -> action.run()));
  }

  // -------------------------------------------------------------------------------- terminals

  /** Runs the pipe, handing each element to {@code action}. */
  public void forEach(CheckedConsumer<? super T> action) {
    Terminals.forEach(source, Checks.notNull(action, "action"));
  }

  /** Runs the pipe and returns its elements in a new mutable list; holds them all in memory. */
  public List<T> toList() {
    return Terminals.toList(source);
  }

  /** Runs the pipe and returns how many elements reached the end. */
  public long count() {
    return Terminals.count(source);
  }

  /**
   * Runs the pipe, folding its elements into {@code identity} with {@code op}. A {@code Long},
   * {@code Integer} or {@code Double} accumulator is kept unboxed between calls, so that {@code
   * reduce(0L, Long::sum)} allocates nothing per element: {@code op} then gets boxes equal to the
   * values it returned, not necessarily the same objects (these are value-based classes).
   */
  public T reduce(T identity, CheckedBiFunction<? super T, ? super T, ? extends T> op) {
    return Terminals.fold(source, identity, Checks.notNull(op, "op"));
  }

  /**
   * Runs the pipe, folding its elements into an accumulator of another type; a {@code Long}, {@code
   * Integer} or {@code Double} accumulator is kept unboxed as in {@link #reduce}.
   */
  public <A> A fold(A identity, CheckedBiFunction<? super A, ? super T, ? extends A> fn) {
    return Terminals.fold(source, identity, Checks.notNull(fn, "fn"));
  }

  /** Runs the pipe into a {@link Collector}. */
  public <A, R> R collect(Collector<? super T, A, R> collector) {
    return Terminals.collect(source, Checks.notNull(collector, "collector"));
  }

  /**
   * Runs the pipe until its first element and returns it (empty for no element, or a null one); the
   * source is stopped right after it.
   */
  public Optional<T> first() {
    return Terminals.first(source);
  }

  /**
   * Runs the pipe into a sink: commits if the run succeeds, aborts it and throws otherwise.
   *
   * @return the number of elements written
   */
  public long into(Sink<? super T> sink) {
    return Terminals.into(source, Checks.notNull(sink, "sink"));
  }

  /**
   * Starts the run on a virtual thread and returns an iterator over it; the producer runs at most
   * {@link #DEFAULT_BUFFER} elements ahead. Close the iterator unless it was read to the end. An
   * iterator dropped without being closed is not leaked: once it is unreachable, the garbage
   * collector's {@link java.lang.ref.Cleaner} cancels its run, which then closes its resources on
   * its own thread — at a time the collector chooses, so close it when you can.
   */
  public CloseableIterator<T> iterator() {
    return iterator(DEFAULT_BUFFER);
  }

  /** Like {@link #iterator()}, with the producer at most {@code buffer} elements ahead. */
  public CloseableIterator<T> iterator(int buffer) {
    return new ChannelIterator<>(source, (int) Checks.positive(buffer, "buffer"));
  }

  /**
   * Starts the run like {@link #iterator()} and returns it as a sequential {@link Stream}; closing
   * the stream (use try-with-resources) stops the run. A stream left unclosed ({@code
   * pipe.stream().limit(3).count()}) is cancelled, and its resources closed, once it is
   * unreachable, as with {@link #iterator()}.
   */
  public Stream<T> stream() {
    CloseableIterator<T> it = iterator();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
        .onClose(it::close);
  }

  /**
   * This pipe as a {@link Flow.Publisher}: every subscription runs the pipe once on its own virtual
   * thread, emitting only as far as the subscriber requested (waiting for demand, not buffering).
   * {@code cancel} stops the run like an early stop and closes its resources; the thread ends when
   * the run does.
   */
  public Flow.Publisher<T> toPublisher() {
    return new PipePublisher<>(source);
  }

  /**
   * The number of elements a run will produce, if the pipe knows it without running (a range, a
   * collection, a map of those), else -1. Progress reporting uses it for an ETA.
   */
  public long knownSize() {
    return source.knownSize();
  }

  private static <T> Source<T> sourceOf(Pipe<T> pipe) {
    return Checks.notNull(pipe, "the pipe returned by using's function").source;
  }

  @SuppressWarnings("unchecked")
  private static <T> T[] newArray() {
    return (T[]) new Object[0];
  }
}
