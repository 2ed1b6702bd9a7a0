package io.precursor.streams.baseline;

/**
 * An instance's normal for one series.
 *
 * @param median the median of the recent bucket means
 * @param mad their median absolute deviation, how much the normal wanders
 * @param buckets how many buckets it was read from
 */
public record Level(double median, double mad, int buckets) {

  /** How many times the normal {@code value} is; large when the normal is zero. */
  public double ratio(double value) {
    return value / Math.max(median, 1e-9);
  }

  /** Whether {@code value} is at least {@code factor} times the normal and clear of its noise. */
  public boolean farAbove(double value, double factor) {
    return ratio(value) >= factor && value > median + 3 * mad;
  }
}
