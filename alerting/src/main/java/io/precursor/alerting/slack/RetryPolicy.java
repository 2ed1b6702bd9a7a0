package io.precursor.alerting.slack;

import java.time.Duration;

/**
 * How long and how often a post is retried after a 429, a 5xx or a network error: exponential
 * backoff with jitter, bounded both in attempts and in total time.
 *
 * @param maxAttempts attempts in all, the first one included
 * @param initialBackoff base wait after the first failure
 * @param maxBackoff the base wait never grows past this
 * @param maxElapsed no retry starts later than this after the first attempt
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialBackoff.isNegative() || initialBackoff.compareTo(maxBackoff) > 0) {
      throw new IllegalArgumentException("initialBackoff must be between 0 and maxBackoff");
    }
    if (maxElapsed.isNegative()) {
      throw new IllegalArgumentException("maxElapsed must not be negative");
    }
  }

  /**
   * The wait after {@code failedAttempts} failures: base = initial × 2^(n-1) capped at max, then
   * "equal jitter" (half the base plus a random share of the other half) so clients that failed
   * together do not retry together.
   *
   * @param random uniform in [0, 1)
   */
  public Duration backoff(int failedAttempts, double random) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
    long base = initialBackoff.toMillis() << doublings;
    if (base < 0 || base > maxBackoff.toMillis()) {
      base = maxBackoff.toMillis();
    }
    long half = base / 2;
    return Duration.ofMillis(base - half + (long) (half * random));
  }
}
