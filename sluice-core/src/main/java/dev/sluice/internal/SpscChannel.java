package dev.sluice.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded hand-off between one producer thread and one consumer thread: a ring of at most
 * {@code capacity} elements.
 *
 * <p>How it stays cheap: the producer publishes every element at once with a release store (no full
 * fence per element), so a slow trickle is never held back; the consumer reads what has arrived in
 * batches and returns free room in chunks; producer and consumer fields sit on separate cache lines
 * ({@link ChannelFields}). A consumer that has caught up with the producer gives it a few
 * microseconds to add a batch ({@link #BATCH}) before it reads the tail again: the producer writes
 * the tail's cache line for every element, and each read by the consumer costs the producer a stall
 * on its next write. A side that finds the ring full or empty spins briefly, then parks. Wake-ups
 * are rationed, since on a virtual machine one costs tens of microseconds: a waiting producer is
 * woken when half the ring is free; a consumer first naps for at most {@link #NAP_NANOS} (woken
 * early only once half the ring is full), and if nothing came during its nap it sleeps until the
 * producer wakes it for the next element, looking again after at most {@link #MAX_SLEEP_NANOS} in
 * case that wake-up was missed.
 *
 * <p>Ends: the producer calls {@link #complete(Throwable)} once; the consumer calls {@link
 * #cancel()} to make the producer's next {@link #put} return {@code false}.
 *
 * @param <T> the element type
 */
public final class SpscChannel<T> extends ChannelFields {
  /** What {@link #take()} returns after the last element. */
  public static final Object END = new Object();

  /** The longest a consumer naps before it checks for a lone element. */
  static final long NAP_NANOS = 50_000;

  /**
   * The longest a sleeping consumer parks before it looks again. The producer publishes with a
   * release store and then checks for a sleeping consumer without a full fence, so in a rare race
   * it misses the consumer; this bounds how long a lone element can then wait.
   */
  static final long MAX_SLEEP_NANOS = 10_000_000;

  private static final int SPINS = 64;

  /**
   * The most elements a consumer that caught up with the producer waits for before it reads the
   * producer's position again (a quarter of the capacity for smaller channels).
   */
  private static final int BATCH = 256;

  /** How many spin-waits a consumer waiting for a batch makes between two reads of the tail. */
  private static final int BACKOFF = 64;

  /** How many times a consumer waiting for a batch reads the tail before it takes what came. */
  private static final int BATCH_WAITS = 4;

  private static final VarHandle TAIL;
  private static final VarHandle CONSUMER_WAITING;
  private static final VarHandle PRODUCER_WAITING;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TAIL = lookup.findVarHandle(SpscChannel.class, "tail", long.class);
      CONSUMER_WAITING = lookup.findVarHandle(SpscChannel.class, "consumerWaiting", Thread.class);
      PRODUCER_WAITING = lookup.findVarHandle(SpscChannel.class, "producerWaiting", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Object[] ring;
  private final int mask;
  private final int capacity;
  private final int half;
  private final int returnEvery;
  private final int batch;

  private volatile Thread consumerWaiting;
  private volatile boolean consumerAsleep;
  private volatile Thread producerWaiting;
  private volatile boolean cancelled;
  private volatile boolean completed;
  private Throwable failure;

  /** A channel that holds at most {@code capacity} elements ({@code capacity >= 1}). */
  public SpscChannel(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
    this.ring = new Object[capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1];
    this.mask = ring.length - 1;
    this.half = Math.max(1, capacity / 2);
    this.returnEvery = Math.max(1, Math.min(64, capacity / 4));
    this.batch = Math.max(1, Math.min(BATCH, capacity / 4));
  }

  /**
   * Producer: adds {@code item}, waiting while the channel is full. Returns {@code false}, without
   * adding it, when the consumer has cancelled.
   *
   * @throws CancelSignal if the producer thread is interrupted while waiting for room
   */
  public boolean put(T item) {
    if (cancelled) {
      return false;
    }
    long t = producerTail;
    if (t - producerHeadCache >= capacity && !awaitRoom(t)) {
      return false;
    }
    ring[(int) t & mask] = item;
    producerTail = t + 1;
    TAIL.setRelease(this, t + 1); // no full fence per element: see MAX_SLEEP_NANOS
    Thread waiting = consumerWaiting;
    if (waiting != null
        && (consumerAsleep || t + 1 - producerHeadCache >= half)
        && CONSUMER_WAITING.compareAndSet(this, waiting, null)) {
      LockSupport.unpark(waiting);
    }
    return true;
  }

  /**
   * Producer: adds {@code item} if there is room now, without waiting. Returns {@code false},
   * without adding it, when the channel is full or the consumer has cancelled.
   */
  public boolean offer(T item) {
    long t = producerTail;
    if (t - producerHeadCache >= capacity) {
      producerHeadCache = head;
      if (t - producerHeadCache >= capacity) {
        return false;
      }
    }
    return put(item);
  }

  /** Whether the consumer has cancelled. */
  public boolean isCancelled() {
    return cancelled;
  }

  private boolean awaitRoom(long t) {
    for (int spins = 0; ; spins++) {
      producerHeadCache = head;
      if (t - producerHeadCache < capacity) {
        return true;
      }
      if (cancelled) {
        return false;
      }
      if (spins < SPINS) {
        Thread.onSpinWait();
        continue;
      }
      producerWaiting = Thread.currentThread();
      if (t - head >= capacity && !cancelled) {
        LockSupport.park(this);
      }
      producerWaiting = null;
      CancelSignal.checkInterrupt();
    }
  }

  /** Producer: no more elements; {@code failure} is the producer's failure or {@code null}. */
  public void complete(Throwable failure) {
    this.failure = failure;
    completed = true;
    Thread waiting = (Thread) CONSUMER_WAITING.getAndSet(this, null);
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  /**
   * Consumer: the next element, waiting while the channel is empty, or {@link #END} once the
   * producer completed and every element was taken.
   */
  public Object take() throws InterruptedException {
    long h = consumerHead;
    if (h == consumerTailCache && !awaitItems(h)) {
      return END;
    }
    Object item = ring[(int) h & mask];
    consumerHead = h + 1;
    if (h + 1 - consumerReturned >= returnEvery) {
      returnRoom(h + 1, false);
    }
    return item;
  }

  /**
   * Consumer: returns the room of every element taken so far at once (room is otherwise returned in
   * chunks), for a consumer that is about to let its own thread produce.
   */
  public void returnTaken() {
    returnRoom(consumerHead, false);
  }

  /**
   * Publishes the consumer's position; wakes a producer waiting for room once half the ring is
   * free, or at once when {@code wakeNow} (the consumer is about to wait itself).
   */
  private void returnRoom(long h, boolean wakeNow) {
    // Taken slots are cleared here, a run at a time, rather than one by one in take(): a consumer
    // writing each slot as it reads it fights the producer for the cache line the producer is
    // filling. Until then at most returnEvery taken elements stay referenced.
    for (long i = consumerReturned; i < h; i++) {
      ring[(int) i & mask] = null;
    }
    consumerReturned = h;
    head = h;
    Thread waiting = producerWaiting;
    if (waiting != null
        && (wakeNow || consumerTailCache - h <= capacity - half)
        && PRODUCER_WAITING.compareAndSet(this, waiting, null)) {
      LockSupport.unpark(waiting);
    }
  }

  private boolean awaitItems(long h) throws InterruptedException {
    returnRoom(h, true);
    long sleep = NAP_NANOS;
    for (int round = 0; ; round++) {
      long t = tail;
      if (t > h) {
        for (int w = 0; t - h < batch && w < BATCH_WAITS && round < SPINS && !completed; w++) {
          // Let a batch arrive: each read of tail takes its cache line from the producer, which
          // writes it for every element, and stalls the producer's next write.
          for (int i = 0; i < BACKOFF; i++) {
            Thread.onSpinWait();
          }
          t = tail;
        }
        consumerTailCache = t;
        return true;
      }
      if (completed) {
        consumerTailCache = tail;
        return consumerTailCache > h;
      }
      if (round < SPINS) {
        Thread.onSpinWait();
        continue;
      }
      boolean asleep = round > SPINS;
      consumerAsleep = asleep;
      consumerWaiting = Thread.currentThread();
      if (tail == h && !completed) {
        LockSupport.parkNanos(this, sleep);
      }
      if (asleep) {
        sleep = Math.min(2 * sleep, MAX_SLEEP_NANOS);
      }
      consumerWaiting = null;
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  /**
   * Consumer: pushes every element into {@code down} until the producer completed (returns {@code
   * true}) or {@code down} wants no more (returns {@code false}). An interrupt of the consumer
   * cancels the run ({@link CancelSignal}, with the interrupt status kept).
   */
  @SuppressWarnings("unchecked")
  public boolean drainTo(Downstream<? super T> down) throws Exception {
    while (true) {
      Object item;
      try {
        item = take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw CancelSignal.INSTANCE;
      }
      if (item == END) {
        return true;
      }
      if (!down.push((T) item)) {
        return false;
      }
    }
  }

  /** Consumer: stops the producer; its next {@link #put} returns {@code false}. Idempotent. */
  public void cancel() {
    cancelled = true;
    Thread waiting = (Thread) PRODUCER_WAITING.getAndSet(this, null);
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  /** The producer's failure, once {@link #take()} returned {@link #END}; else {@code null}. */
  public Throwable failure() {
    return failure;
  }
}
