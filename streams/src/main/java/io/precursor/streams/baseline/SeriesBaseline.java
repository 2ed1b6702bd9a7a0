package io.precursor.streams.baseline;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The recent history of one series of one instance (a metric, or a fingerprint's rows examined per
 * execution) as the mean of each time bucket, from which a robust level is read: the median of the
 * bucket means and their median absolute deviation.
 */
public final class SeriesBaseline {

  private TreeMap<Long, double[]> buckets;

  public SeriesBaseline() {
    this(new TreeMap<>());
  }

  /** As read back from the baseline store: each bucket's start with its {sum, count}. */
  SeriesBaseline(TreeMap<Long, double[]> buckets) {
    this.buckets = buckets;
  }

  /** Each bucket's start with its {sum, count}, for the baseline store. */
  TreeMap<Long, double[]> buckets() {
    return buckets;
  }

  /** Adds a value at {@code time}; buckets older than {@code horizon} before it are dropped. */
  public SeriesBaseline add(long time, double value, long bucketMillis, long horizonMillis) {
    long bucket = Math.floorDiv(time, bucketMillis) * bucketMillis;
    double[] sumAndCount = buckets.computeIfAbsent(bucket, b -> new double[2]);
    sumAndCount[0] += value;
    sumAndCount[1] += 1;
    buckets.headMap(buckets.lastKey() - horizonMillis - bucketMillis).clear();
    return this;
  }

  public boolean isEmpty() {
    return buckets.isEmpty();
  }

  /**
   * The level over the buckets that ended by {@code asOf} within {@code horizonMillis} before it,
   * leaving out buckets that overlap {@code excluded} periods or began before {@code since}; empty
   * with fewer than {@code minBuckets} buckets.
   */
  public Optional<Level> level(
      long asOf,
      long bucketMillis,
      long horizonMillis,
      int minBuckets,
      long since,
      List<long[]> excluded) {
    // Rules ask for levels on every window a signal updates: primitive arrays, no boxing.
    SortedMap<Long, double[]> inRange =
        buckets.subMap(asOf - horizonMillis, true, asOf - bucketMillis, true);
    double[] means = new double[buckets.size()]; // at most the horizon's buckets, see add
    int count = 0;
    for (Map.Entry<Long, double[]> bucket : inRange.entrySet()) {
      long start = bucket.getKey();
      if (start < since || overlaps(start, start + bucketMillis, excluded)) {
        continue;
      }
      means[count++] = bucket.getValue()[0] / bucket.getValue()[1];
    }
    if (count < minBuckets) {
      return Optional.empty();
    }
    // Arrays.sort orders doubles as Double.compare does, so the median is the one it always was.
    Arrays.sort(means, 0, count);
    double median = median(means, count);
    double[] deviations = new double[count];
    for (int i = 0; i < count; i++) {
      deviations[i] = Math.abs(means[i] - median);
    }
    Arrays.sort(deviations);
    return Optional.of(new Level(median, median(deviations, count), count));
  }

  private static boolean overlaps(long from, long to, List<long[]> periods) {
    for (long[] period : periods) {
      if (from < period[1] && period[0] < to) {
        return true;
      }
    }
    return false;
  }

  /** The median of the first {@code n} values of {@code sorted}, which are in ascending order. */
  private static double median(double[] sorted, int n) {
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
