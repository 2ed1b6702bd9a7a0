package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsRetryTest {

  private final List<Duration> waits = new ArrayList<>();
  private final List<AwsRetry.Cause> causes = new ArrayList<>();
  private final AwsRetry.Listener listener = (op, cause, attempt, backoff) -> causes.add(cause);

  @Test
  void shouldBackOffExponentiallyWithJitterWhileThrottledThenReturnTheAnswer() {
    // given a jitter that always draws half of the cap
    AwsRetry retry = retry(6, 0.5);
    AtomicInteger calls = new AtomicInteger();

    // when AWS throttles three times, then answers
    String answer =
        retry.call(
            "GetMetricData",
            () -> calls.incrementAndGet() <= 3 ? throwing(error(400, "Throttling")) : "datapoints",
            listener);

    // then it waited half of 500, 1000, 2000 ms between the four attempts
    assertThat(answer).isEqualTo("datapoints");
    assertThat(calls).hasValue(4);
    assertThat(waits).containsExactly(ms(250), ms(500), ms(1000));
    assertThat(causes).containsOnly(AwsRetry.Cause.THROTTLED).hasSize(3);
  }

  @Test
  void shouldRetryServerErrorsAndUnreachableEndpoints() {
    AwsRetry retry = retry(6, 0.5);
    AtomicInteger calls = new AtomicInteger();

    String answer =
        retry.call(
            "DescribeEvents",
            () ->
                switch (calls.incrementAndGet()) {
                  case 1 -> throwing(error(503, "InternalFailure"));
                  case 2 ->
                      throwing(
                          SdkClientException.create(
                              "Unable to execute HTTP request", new IOException("refused")));
                  default -> "events";
                },
            listener);

    assertThat(answer).isEqualTo("events");
    assertThat(causes).containsExactly(AwsRetry.Cause.SERVER_ERROR, AwsRetry.Cause.UNREACHABLE);
  }

  @Test
  void shouldFailAtOnceOnAnErrorThatRetryingCannotFix() {
    AwsRetry retry = retry(6, 0.5);
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.call(
                    "GetMetricData",
                    () -> {
                      calls.incrementAndGet();
                      return throwing(error(403, "AccessDenied"));
                    },
                    listener))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("AccessDenied");
    assertThat(calls).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void shouldGiveUpWithTheLastErrorAfterTheLastAttempt() {
    AwsRetry retry = retry(3, 0.5);
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.call(
                    "GetMetricData",
                    () -> throwing(error(400, "Throttling #" + calls.incrementAndGet())),
                    listener))
        .hasMessageContaining("Throttling #3");
    assertThat(waits).hasSize(2);
  }

  @Test
  void shouldNeverWaitLongerThanTheMaximum() {
    AwsRetry retry = new AwsRetry(20, ms(500), ms(30_000), waits::add, () -> 0.999_999);

    assertThat(retry.backoff(1)).isEqualTo(ms(499));
    assertThat(retry.backoff(7)).isEqualTo(ms(29_999));
    assertThat(retry.backoff(19)).isEqualTo(ms(29_999));
  }

  @Test
  void shouldStopBackingOffWhenInterrupted() {
    AwsRetry retry =
        new AwsRetry(
            6,
            ms(500),
            ms(30_000),
            d -> {
              throw new InterruptedException("shutting down");
            },
            () -> 0.5);
    try {
      assertThatThrownBy(
              () -> retry.call("GetMetricData", () -> throwing(error(400, "Throttling")), listener))
          .isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private AwsRetry retry(int attempts, double jitter) {
    return new AwsRetry(attempts, ms(500), ms(30_000), waits::add, () -> jitter);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static AwsServiceException error(int status, String code) {
    return AwsServiceException.builder()
        .statusCode(status)
        .message(code)
        .awsErrorDetails(
            AwsErrorDetails.builder().errorCode(code.split(" ")[0]).errorMessage(code).build())
        .build();
  }

  private static <T> T throwing(RuntimeException e) {
    throw e;
  }
}
