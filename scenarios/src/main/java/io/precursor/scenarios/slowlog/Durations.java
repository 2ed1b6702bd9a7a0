package io.precursor.scenarios.slowlog;

import java.time.Instant;
import java.util.Random;

/** Slow-log times are microseconds: every generated duration and instant is cut to that. */
final class Durations {

  private Durations() {}

  static double micros(double seconds) {
    return Math.round(seconds * 1_000_000d) / 1_000_000d;
  }

  static Instant plus(Instant instant, double seconds) {
    return instant.plusNanos(Math.round(seconds * 1_000_000d) * 1_000L);
  }

  static double lockTime(Random random) {
    return micros(0.000040 + random.nextDouble() * 0.000400);
  }
}
