package io.precursor.alerting.slack;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket that paces posts to one webhook (Slack allows about one a second with short
 * bursts); callers queue on it rather than being refused.
 */
public final class TokenBucket {

  private final double perSecond;
  private final int burst;
  private final TimeSource time;
  private double tokens;
  private Instant refilledAt;
  private Instant pausedUntil = Instant.MIN;

  /**
   * @param perSecond tokens added per second
   * @param burst most tokens held, i.e. posts allowed back to back after a quiet spell
   */
  public TokenBucket(double perSecond, int burst, TimeSource time) {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("a token bucket needs a positive rate and burst");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.time = time;
    this.tokens = burst;
    this.refilledAt = time.now();
  }

  /**
   * Takes one token, waiting for it (and for any pause Slack asked for) first; synchronized so
   * concurrent callers wait their turn.
   *
   * @return how long the caller waited
   */
  public synchronized Duration acquire() throws InterruptedException {
    Duration waited = Duration.ZERO;
    while (true) {
      Instant now = time.now();
      Duration wait;
      if (now.isBefore(pausedUntil)) {
        wait = Duration.between(now, pausedUntil);
      } else {
        refill(now);
        if (tokens >= 1) {
          tokens -= 1;
          return waited;
        }
        wait = Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
      }
      time.sleep(wait);
      waited = waited.plus(wait);
    }
  }

  /** Holds every caller until {@code until}, e.g. after Slack answered 429 with Retry-After. */
  public synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
      // Slack restarts its own count after the pause: no burst straight after.
      tokens = Math.min(tokens, 1);
    }
  }

  private void refill(Instant now) {
    if (now.isAfter(refilledAt)) {
      double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + seconds * perSecond);
      refilledAt = now;
    }
  }
}
