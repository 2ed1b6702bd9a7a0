package io.precursor.scenarios.catalogue;

import io.precursor.scenarios.shape.Keyframes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Moments something happens at random, at a rate per minute that changes over time. */
final class Arrivals {

  private Arrivals() {}

  static List<Instant> between(Instant from, Instant until, Keyframes perMinute, Random random) {
    List<Instant> times = new ArrayList<>();
    Instant now = from;
    while (now.isBefore(until)) {
      double rate = perMinute.at(now);
      if (rate <= 0) {
        // Nothing happens now: look again a little later rather than divide by zero.
        now = now.plus(Duration.ofSeconds(30));
        continue;
      }
      double gapSeconds = -Math.log(1 - random.nextDouble()) * 60 / rate;
      now = now.plusNanos(Math.round(gapSeconds * 1_000_000) * 1_000);
      if (now.isBefore(until)) {
        times.add(now);
      }
    }
    return times;
  }
}
