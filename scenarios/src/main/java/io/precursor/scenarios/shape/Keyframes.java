package io.precursor.scenarios.shape;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A level that moves piecewise-linearly through time: a metric's expected value or a load factor.
 */
public final class Keyframes {

  private final long[] millis;
  private final double[] values;

  private Keyframes(long[] millis, double[] values) {
    this.millis = millis;
    this.values = values;
  }

  /** A level that never changes. */
  public static Keyframes constant(double value) {
    return new Keyframes(new long[] {0L}, new double[] {value});
  }

  /** Starts a level at {@code value} from {@code start} on. */
  public static Builder from(Instant start, double value) {
    return new Builder(start, value);
  }

  /** The level at {@code time}: flat before the first and after the last keyframe. */
  public double at(Instant time) {
    long t = time.toEpochMilli();
    int last = lastAtOrBefore(t);
    if (last < 0) {
      return values[0];
    }
    if (last == millis.length - 1) {
      return values[last];
    }
    double fraction = (double) (t - millis[last]) / (millis[last + 1] - millis[last]);
    return values[last] + fraction * (values[last + 1] - values[last]);
  }

  private int lastAtOrBefore(long t) {
    int index = Arrays.binarySearch(millis, t);
    if (index < 0) {
      return -index - 2;
    }
    // Steps store two keyframes at one instant; the later one is the level from then on.
    while (index + 1 < millis.length && millis[index + 1] == t) {
      index++;
    }
    return index;
  }

  /** Adds keyframes in time order. */
  public static final class Builder {
    private final List<Long> millis = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    private Builder(Instant start, double value) {
      add(start, value);
    }

    /** Moves linearly from the previous keyframe to {@code value} at {@code time}. */
    public Builder rampTo(Instant time, double value) {
      return add(time, value);
    }

    /** Keeps the previous level until {@code time}. */
    public Builder holdUntil(Instant time) {
      return add(time, values.get(values.size() - 1));
    }

    /** Holds the previous level until {@code time}, then jumps to {@code value}. */
    public Builder stepTo(Instant time, double value) {
      holdUntil(time);
      return add(time, value);
    }

    private Builder add(Instant time, double value) {
      long t = time.toEpochMilli();
      if (!millis.isEmpty() && t < millis.get(millis.size() - 1)) {
        throw new IllegalArgumentException("keyframe " + time + " goes back in time");
      }
      millis.add(t);
      values.add(value);
      return this;
    }

    public Keyframes build() {
      return new Keyframes(
          millis.stream().mapToLong(Long::longValue).toArray(),
          values.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }
}
