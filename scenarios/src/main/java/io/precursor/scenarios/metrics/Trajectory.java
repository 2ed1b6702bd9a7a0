package io.precursor.scenarios.metrics;

import io.precursor.scenarios.shape.Keyframes;
import io.precursor.scenarios.shape.Seeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A metric's level over time with relative jitter around it, never negative, and gaps where the
 * instance published nothing (e.g. while it restarted).
 */
public final class Trajectory implements SeriesShape {

  private record Gap(Instant from, Instant until) {
    boolean contains(Instant time) {
      return !time.isBefore(from) && time.isBefore(until);
    }
  }

  private final Keyframes level;
  private final double jitter;
  private final long seed;
  private final List<Gap> gaps;

  private Trajectory(Keyframes level, double jitter, long seed, List<Gap> gaps) {
    this.level = level;
    this.jitter = jitter;
    this.seed = seed;
    this.gaps = List.copyOf(gaps);
  }

  /**
   * Values around {@code level}, each off by up to {@code jitter} of it (0.05 = ±5%), drawn from
   * {@code seed}.
   */
  public static Trajectory around(Keyframes level, double jitter, long seed) {
    return new Trajectory(level, jitter, seed, List.of());
  }

  /** The same trajectory with no datapoints in {@code [from, until)}. */
  public Trajectory withGap(Instant from, Instant until) {
    List<Gap> more = new ArrayList<>(gaps);
    more.add(new Gap(from, until));
    return new Trajectory(level, jitter, seed, more);
  }

  @Override
  public OptionalDouble at(Instant periodStart) {
    for (Gap gap : gaps) {
      if (gap.contains(periodStart)) {
        return OptionalDouble.empty();
      }
    }
    double noise = 2 * Seeds.uniform(seed, periodStart.getEpochSecond()) - 1;
    return OptionalDouble.of(Math.max(0, level.at(periodStart) * (1 + jitter * noise)));
  }
}
