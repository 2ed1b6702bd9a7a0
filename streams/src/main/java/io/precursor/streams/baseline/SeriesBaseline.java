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

  private static final TreeMap<Long, double[]> NO_BUCKETS = new TreeMap<>();

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
   * Removes the buckets that ended by {@code time} and returns them; null when there are none. How
   * the baseline keeper moves final buckets from the open ones to the stored series.
   */
  SeriesBaseline takeBucketsEndingBy(long time, long bucketMillis) {
    if (buckets.isEmpty() || buckets.firstKey() > time - bucketMillis) {
      return null; // as for almost every signal: no view made
    }
    SortedMap<Long, double[]> ended = buckets.headMap(time - bucketMillis, true);
    SeriesBaseline taken = new SeriesBaseline(new TreeMap<>(ended));
    ended.clear();
    return taken;
  }

  /**
   * Adds {@code other}'s buckets to these, summing a bucket both have; buckets older than {@code
   * horizonMillis} before the latest are dropped, as {@link #add} drops them.
   */
  SeriesBaseline absorb(SeriesBaseline other, long bucketMillis, long horizonMillis) {
    for (Map.Entry<Long, double[]> bucket : other.buckets.entrySet()) {
      double[] sumAndCount = buckets.computeIfAbsent(bucket.getKey(), b -> new double[2]);
      sumAndCount[0] += bucket.getValue()[0];
      sumAndCount[1] += bucket.getValue()[1];
    }
    if (!buckets.isEmpty()) {
      buckets.headMap(buckets.lastKey() - horizonMillis - bucketMillis).clear();
    }
    return this;
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
    return level(this, null, asOf, bucketMillis, horizonMillis, minBuckets, since, excluded);
  }

  /**
   * The same over the buckets of {@code stored} and {@code open} together (either may be null), a
   * bucket both hold counting once with both its parts: the stored series and the buckets the
   * baseline keeper still holds open.
   */
  public static Optional<Level> level(
      SeriesBaseline stored,
      SeriesBaseline open,
      long asOf,
      long bucketMillis,
      long horizonMillis,
      int minBuckets,
      long since,
      List<long[]> excluded) {
    // Rules ask for levels on every window a signal updates: primitive arrays, no boxing.
    TreeMap<Long, double[]> storedBuckets = stored == null ? NO_BUCKETS : stored.buckets;
    TreeMap<Long, double[]> openBuckets = open == null ? NO_BUCKETS : open.buckets;
    // at most the horizon's buckets of each, see add and absorb
    double[] means = new double[storedBuckets.size() + openBuckets.size()];
    long from = asOf - horizonMillis;
    long to = asOf - bucketMillis;
    // Buckets open are later than those stored, but for a series an earlier release stored whole.
    boolean disjoint =
        openBuckets.isEmpty()
            || storedBuckets.isEmpty()
            || openBuckets.firstKey() > storedBuckets.lastKey();
    int count = 0;
    for (Map.Entry<Long, double[]> bucket : storedBuckets.subMap(from, true, to, true).entrySet()) {
      long start = bucket.getKey();
      if (start < since || overlaps(start, start + bucketMillis, excluded)) {
        continue;
      }
      double[] part = disjoint ? null : openBuckets.get(start);
      double sum = bucket.getValue()[0] + (part == null ? 0 : part[0]);
      double n = bucket.getValue()[1] + (part == null ? 0 : part[1]);
      means[count++] = sum / n;
    }
    for (Map.Entry<Long, double[]> bucket : openBuckets.subMap(from, true, to, true).entrySet()) {
      long start = bucket.getKey();
      if (start < since
          || (!disjoint && storedBuckets.containsKey(start))
          || overlaps(start, start + bucketMillis, excluded)) {
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
