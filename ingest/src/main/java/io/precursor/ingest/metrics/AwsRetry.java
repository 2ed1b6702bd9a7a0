package io.precursor.ingest.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Calls AWS again when it throttles, answers with a 5xx or cannot be reached, waiting an
 * exponentially growing, fully jittered backoff in between; any other error fails at once.
 *
 * <p>The SDK clients are built without their own retries so that each retry is seen and counted
 * here.
 */
public final class AwsRetry {

  private static final Logger LOG = LoggerFactory.getLogger(AwsRetry.class);

  /** Uniform in [0, 1): the fraction of the backoff cap actually waited. */
  public static final DoubleSupplier JITTER = () -> ThreadLocalRandom.current().nextDouble();

  /** Why an AWS call is tried again. */
  public enum Cause {
    THROTTLED,
    SERVER_ERROR,
    UNREACHABLE
  }

  /** Waits between attempts; tests pass one that returns at once. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  /** Told of every retry, to count them per poll. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (operation, cause, attempt, backoff) -> {};

    void retrying(String operation, Cause cause, int attempt, Duration backoff);
  }

  private final int attempts;
  private final Duration base;
  private final Duration max;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;

  /**
   * @param attempts attempts in all, at least 1
   * @param base the backoff cap before the second attempt; it doubles for each further one
   * @param max the largest backoff cap
   * @param jitter uniform values in [0, 1); the wait is {@code jitter × cap}
   */
  public AwsRetry(
      int attempts, Duration base, Duration max, Sleeper sleeper, DoubleSupplier jitter) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.attempts = attempts;
    this.base = base;
    this.max = max;
    this.sleeper = sleeper;
    this.jitter = jitter;
  }

  /**
   * The result of {@code call}, tried up to the configured attempts.
   *
   * @throws RuntimeException the last failure when no attempt succeeded, or the first one that is
   *     not worth retrying
   * @throws CancellationException when interrupted while backing off (the interrupt flag is kept)
   */
  public <T> T call(String operation, Supplier<T> call, Listener listener) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        Cause cause = causeOf(e);
        if (cause == null || attempt >= attempts) {
          throw e;
        }
        Duration backoff = backoff(attempt);
        listener.retrying(operation, cause, attempt, backoff);
        LOG.debug("{} {} on attempt {}, retrying in {}", operation, cause, attempt, backoff);
        try {
          sleeper.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          CancellationException cancelled =
              new CancellationException(operation + " interrupted while backing off");
          cancelled.addSuppressed(e);
          throw cancelled;
        }
      }
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based): a random part of the capped cap. */
  Duration backoff(int attempt) {
    long cap = base.toMillis();
    for (int i = 1; i < attempt && cap < max.toMillis(); i++) {
      cap *= 2;
    }
    cap = Math.min(cap, max.toMillis());
    return Duration.ofMillis((long) (jitter.getAsDouble() * cap));
  }

  /** Why {@code e} is worth another attempt, or null when it is not. */
  static Cause causeOf(RuntimeException e) {
    if (e instanceof AwsServiceException service) {
      if (service.isThrottlingException()) {
        return Cause.THROTTLED;
      }
      return service.statusCode() >= 500 ? Cause.SERVER_ERROR : null;
    }
    if (e instanceof SdkClientException || e instanceof UncheckedIOException) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof IOException) {
          return Cause.UNREACHABLE;
        }
      }
    }
    return null;
  }
}
