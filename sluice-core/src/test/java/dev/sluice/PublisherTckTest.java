package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;

/** Runs the Reactive Streams TCK (a TestNG suite) against {@link Pipe#toPublisher()}. */
class PublisherTckTest {
  /** The TCK's publisher rules, applied to a range pipe. */
  public static class PipePublisherVerification extends FlowPublisherVerification<Long> {
    public PipePublisherVerification() {
      // Waits for an expected signal end as soon as it comes, so a long bound costs nothing on a
      // quiet machine; 200 ms made rule 3.13 (the run's thread lets go of the subscriber after a
      // cancel) fail under load (scripts/stress-tests). Waits for the absence of a signal stay
      // short.
      super(new TestEnvironment(5_000, 200));
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
      return Pipe.range(0, elements).toPublisher();
    }

    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
      return Pipe.<Long>failed(new IllegalStateException("failed on purpose")).toPublisher();
    }
  }

  @Test
  void toPublisherPassesTheReactiveStreamsTck() {
    TestNG testng = new TestNG(false);
    testng.setTestClasses(new Class<?>[] {PipePublisherVerification.class});
    TestListenerAdapter results = new TestListenerAdapter();
    testng.addListener(results);
    testng.setVerbose(0);
    testng.run();
    assertThat(results.getFailedTests())
        .as("failed TCK rules")
        .extracting(r -> r.getName() + ": " + r.getThrowable())
        .isEmpty();
    assertThat(results.getPassedTests()).isNotEmpty();
    System.out.println(
        "TCK passed "
            + results.getPassedTests().size()
            + ", skipped "
            + results.getSkippedTests().size()
            + ", live "
            + Diagnostics.liveThreads());
  }
}
