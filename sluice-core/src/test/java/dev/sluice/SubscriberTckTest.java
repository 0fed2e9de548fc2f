package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.SubscriberProbe;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.SubscriberPuppet;
import org.reactivestreams.tck.SubscriberWhiteboxVerification.WhiteboxSubscriberProbe;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;
import org.reactivestreams.tck.flow.FlowSubscriberWhiteboxVerification;
import org.testng.ITestResult;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;
import org.testng.annotations.AfterMethod;

/**
 * Runs the Reactive Streams TCK's subscriber rules (a TestNG suite) against the {@link
 * Flow.Subscriber} that a run of {@link Pipe#fromPublisher(Flow.Publisher, int)} subscribes with.
 *
 * <p>That subscriber only exists while a run is going, so each one the TCK asks for comes from a
 * new run of {@code Pipe.fromPublisher(capturing, prefetch).forEach(...)} on its own thread, where
 * the capturing publisher hands over the subscriber it is given; the TCK then signals it directly.
 * Every run a test started is ended (interrupted and joined) after that test.
 */
class SubscriberTckTest {
  private static final long TIMEOUT_MILLIS = 1000;
  private static final long NO_SIGNALS_MILLIS = 200;

  /** A probe for runs whose signals nobody checks (the blackbox verification). */
  private static final SubscriberProbe<Long> UNOBSERVED =
      new SubscriberProbe<>() {
        @Override
        public void registerOnNext(Long element) {}

        @Override
        public void registerOnComplete() {}

        @Override
        public void registerOnError(Throwable cause) {}
      };

  /**
   * One run of {@code Pipe.fromPublisher(capturing, prefetch).forEach(...)} on a virtual thread.
   * What the run's terminal sees goes to {@code probe}: each element, a normal end as completion, a
   * failure as an error; an end by {@link #cancel()} reports nothing.
   */
  static final class Run {
    /** Runs that did not end within the timeout after their test: checked by the JUnit test. */
    static final List<String> LEAKED = new CopyOnWriteArrayList<>();

    private static final Set<Run> LIVE = ConcurrentHashMap.newKeySet();

    final Flow.Subscriber<? super Long> subscriber;
    private final Thread thread;

    private Run(int prefetch, SubscriberProbe<Long> probe) throws Exception {
      CompletableFuture<Flow.Subscriber<? super Long>> captured = new CompletableFuture<>();
      Flow.Publisher<Long> capturing = captured::complete;
      thread =
          Thread.ofVirtual()
              .name("tck-fromPublisher-run")
              .unstarted(
                  () -> {
                    try {
                      Pipe.fromPublisher(capturing, prefetch).forEach(probe::registerOnNext);
                      probe.registerOnComplete();
                    } catch (PipeCancelledException cancelled) {
                      // Ended by cancel(): the subscriber received no terminal signal.
                    } catch (Throwable failure) {
                      probe.registerOnError(failure);
                    }
                  });
      LIVE.add(this);
      thread.start();
      subscriber = captured.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    static Run start(int prefetch, SubscriberProbe<Long> probe) throws Exception {
      return new Run(prefetch, probe);
    }

    /** Cancels the run the documented way: by interrupting its thread. */
    void cancel() {
      thread.interrupt();
    }

    /** Ends every run still going (after each test) and notes those that would not end. */
    static void endAll() throws InterruptedException {
      for (Run run : List.copyOf(LIVE)) {
        run.cancel();
        if (!run.thread.join(Duration.ofMillis(TIMEOUT_MILLIS))) {
          LEAKED.add(run.thread.toString());
        }
        LIVE.remove(run);
      }
    }
  }

  /** The blackbox rules: the TCK signals the run's subscriber and watches what it requests. */
  public abstract static class Blackbox extends FlowSubscriberBlackboxVerification<Long> {
    private final int prefetch;

    Blackbox(int prefetch) {
      super(new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNALS_MILLIS));
      this.prefetch = prefetch;
    }

    @Override
    public Flow.Subscriber<Long> createFlowSubscriber() {
      try {
        return narrow(Run.start(prefetch, UNOBSERVED).subscriber);
      } catch (Exception e) {
        throw new IllegalStateException("the run did not subscribe", e);
      }
    }

    @Override
    public Long createElement(int element) {
      return (long) element;
    }

    @AfterMethod
    public void endRuns() throws InterruptedException {
      Run.endAll();
    }
  }

  /** Blackbox rules with a prefetch of 1: a request of 1 after every element taken. */
  public static class BlackboxPrefetch1 extends Blackbox {
    public BlackboxPrefetch1() {
      super(1);
    }
  }

  /** Blackbox rules with a prefetch of 16: requests of 8 as elements are taken. */
  public static class BlackboxPrefetch16 extends Blackbox {
    public BlackboxPrefetch16() {
      super(16);
    }
  }

  /**
   * The whitebox rules. The probe observes the real run: it is told of each element when the run's
   * terminal receives it, of completion when the run ends normally and of an error when the run
   * fails with it; it learns that the subscriber took its subscription when the subscriber first
   * requests on it. The TCK's signals reach the run's subscriber through a pass-through that only
   * watches for that first request.
   */
  public abstract static class Whitebox extends FlowSubscriberWhiteboxVerification<Long> {
    private final int prefetch;

    Whitebox(int prefetch) {
      super(new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNALS_MILLIS));
      this.prefetch = prefetch;
    }

    @Override
    protected Flow.Subscriber<Long> createFlowSubscriber(WhiteboxSubscriberProbe<Long> probe) {
      Run run;
      try {
        run = Run.start(prefetch, probe);
      } catch (Exception e) {
        throw new IllegalStateException("the run did not subscribe", e);
      }
      SubscriberPuppet puppet =
          new SubscriberPuppet() {
            @Override
            public void triggerRequest(long elements) {
              // Nothing to trigger: the subscriber requests `prefetch` when subscribed and requests
              // again as the run takes elements (and this run takes all), so its demand eventually
              // covers any number of elements, as the puppet contract allows.
            }

            @Override
            public void signalCancel() {
              run.cancel();
            }
          };
      Flow.Subscriber<? super Long> real = run.subscriber;
      return new Flow.Subscriber<>() {
        @Override
        public void onSubscribe(Flow.Subscription s) {
          real.onSubscribe(
              s == null ? null : new Watched(s, () -> probe.registerOnSubscribe(puppet)));
        }

        @Override
        public void onNext(Long item) {
          real.onNext(item);
        }

        @Override
        public void onError(Throwable failure) {
          real.onError(failure);
        }

        @Override
        public void onComplete() {
          real.onComplete();
        }
      };
    }

    @Override
    public Long createElement(int element) {
      return (long) element;
    }

    @AfterMethod
    public void endRuns() throws InterruptedException {
      Run.endAll();
    }
  }

  /** Whitebox rules with a prefetch of 1. */
  public static class WhiteboxPrefetch1 extends Whitebox {
    public WhiteboxPrefetch1() {
      super(1);
    }
  }

  /** Whitebox rules with a prefetch of 16. */
  public static class WhiteboxPrefetch16 extends Whitebox {
    public WhiteboxPrefetch16() {
      super(16);
    }
  }

  /** A subscription that runs {@code onFirstRequest} before the first request is passed on. */
  private static final class Watched implements Flow.Subscription {
    private final Flow.Subscription subscription;
    private final AtomicReference<Runnable> onFirstRequest;

    Watched(Flow.Subscription subscription, Runnable onFirstRequest) {
      this.subscription = subscription;
      this.onFirstRequest = new AtomicReference<>(onFirstRequest);
    }

    @Override
    public void request(long n) {
      Runnable first = onFirstRequest.getAndSet(null);
      if (first != null) {
        first.run();
      }
      subscription.request(n);
    }

    @Override
    public void cancel() {
      subscription.cancel();
    }
  }

  /** The run's subscriber takes {@code ? super Long}; the TCK wants a {@code Subscriber<Long>}. */
  @SuppressWarnings("unchecked")
  private static Flow.Subscriber<Long> narrow(Flow.Subscriber<? super Long> subscriber) {
    return (Flow.Subscriber<Long>) subscriber;
  }

  @Test
  void blackboxRulesPass() throws Exception {
    check(BlackboxPrefetch1.class, BlackboxPrefetch16.class);
  }

  @Test
  void whiteboxRulesPass() throws Exception {
    check(WhiteboxPrefetch1.class, WhiteboxPrefetch16.class);
  }

  // Rules the TCK leaves untested, checked directly.

  @Test
  void nothingIsRequestedOrCancelledAfterThePublisherCompleted() { // 2.4
    Consumer<Flow.Subscriber<? super Long>> fourThenComplete =
        s -> {
          for (long i = 0; i < 4; i++) {
            s.onNext(i);
          }
          s.onComplete();
        };
    Scripted all = new Scripted(fourThenComplete);
    assertThat(Pipe.fromPublisher(all, 4).toList()).containsExactly(0L, 1L, 2L, 3L);
    assertThat(all.calls).containsExactly("request 4");
    Scripted early = new Scripted(fourThenComplete);
    assertThat(Pipe.fromPublisher(early, 4).take(1).toList()).containsExactly(0L);
    assertThat(early.calls).containsExactly("request 4");
  }

  @Test
  void aNullElementFailsTheRunEvenIfThePublisherCompletesAfterwards() { // 2.13, 1.7
    Scripted publisher =
        new Scripted(
            s -> {
              assertThatThrownBy(() -> s.onNext(null)).isInstanceOf(NullPointerException.class);
              s.onComplete();
            });
    assertThatThrownBy(() -> Pipe.fromPublisher(publisher, 4).toList())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("null element");
    assertThat(publisher.calls).containsExactly("request 4", "cancel");
  }

  @Test
  void aNullErrorFailsTheRun() { // 2.13
    Scripted publisher =
        new Scripted(
            s ->
                assertThatThrownBy(() -> s.onError(null)).isInstanceOf(NullPointerException.class));
    assertThatThrownBy(() -> Pipe.fromPublisher(publisher, 4).toList())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("onError(null)");
    assertThat(publisher.calls).containsExactly("request 4");
  }

  @Test
  void aSubscriptionThatArrivesAfterTheRunEndedIsCancelled() throws Exception { // 2.6
    Run run = Run.start(4, UNOBSERVED); // its publisher never calls onSubscribe
    Run.endAll(); // the interrupted run ends without a subscription
    List<String> calls = new CopyOnWriteArrayList<>();
    run.subscriber.onSubscribe(new Recorded(calls, () -> {}));
    assertThat(calls).containsExactly("cancel");
    assertThat(Run.LEAKED).isEmpty();
  }

  /**
   * A publisher for one subscriber that records the calls on its subscription and, at the first
   * request, runs {@code onFirstRequest} on the requesting thread.
   */
  private static final class Scripted implements Flow.Publisher<Long> {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Consumer<Flow.Subscriber<? super Long>> onFirstRequest;

    Scripted(Consumer<Flow.Subscriber<? super Long>> onFirstRequest) {
      this.onFirstRequest = onFirstRequest;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Long> subscriber) {
      subscriber.onSubscribe(new Recorded(calls, () -> onFirstRequest.accept(subscriber)));
    }
  }

  /** A subscription that records its calls and runs {@code onFirstRequest} at the first request. */
  private static final class Recorded implements Flow.Subscription {
    private final List<String> calls;
    private Runnable onFirstRequest;

    Recorded(List<String> calls, Runnable onFirstRequest) {
      this.calls = calls;
      this.onFirstRequest = onFirstRequest;
    }

    @Override
    public void request(long n) {
      calls.add("request " + n);
      Runnable first = onFirstRequest;
      onFirstRequest = null;
      if (first != null) {
        first.run();
      }
    }

    @Override
    public void cancel() {
      calls.add("cancel");
    }
  }

  private static void check(Class<?>... verifications) throws Exception {
    TestNG testng = new TestNG(false);
    testng.setTestClasses(verifications);
    TestListenerAdapter results = new TestListenerAdapter();
    testng.addListener(results);
    testng.setVerbose(0);
    testng.run();
    Run.endAll();
    assertThat(results.getConfigurationFailures())
        .as("failed TCK set-up")
        .extracting(r -> r.getName() + ": " + r.getThrowable())
        .isEmpty();
    assertThat(results.getFailedTests())
        .as("failed TCK rules")
        .extracting(
            r ->
                r.getTestClass().getRealClass().getSimpleName()
                    + "."
                    + r.getName()
                    + ": "
                    + r.getThrowable())
        .isEmpty();
    assertThat(results.getSkippedTests())
        .as("skipped rules: only those the TCK marks untested")
        .extracting(ITestResult::getName)
        .allMatch(name -> name.startsWith("untested_"));
    assertThat(Run.LEAKED).as("runs that did not end").isEmpty();
    Map<String, List<String>> counts = new TreeMap<>();
    tally(counts, "passed", results.getPassedTests());
    tally(counts, "skipped", results.getSkippedTests());
    tally(counts, "failed", results.getFailedTests());
    for (Class<?> verification : verifications) {
      assertThat(counts).containsKey(verification.getSimpleName() + " passed");
    }
    counts.forEach((k, v) -> System.out.println("TCK " + k + " " + v.size() + " " + v));
  }

  private static void tally(
      Map<String, List<String>> counts, String outcome, List<ITestResult> results) {
    for (ITestResult r : results) {
      counts
          .computeIfAbsent(
              r.getTestClass().getRealClass().getSimpleName() + " " + outcome,
              k -> new ArrayList<>())
          .add(r.getName());
    }
  }
}
