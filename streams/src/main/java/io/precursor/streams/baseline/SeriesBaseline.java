package io.precursor.streams.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    List<Double> means = new ArrayList<>();
    for (Map.Entry<Long, double[]> bucket :
        buckets.subMap(asOf - horizonMillis, true, asOf - bucketMillis, true).entrySet()) {
      long start = bucket.getKey();
      if (start < since || overlaps(start, start + bucketMillis, excluded)) {
        continue;
      }
      means.add(bucket.getValue()[0] / bucket.getValue()[1]);
    }
    if (means.size() < minBuckets) {
      return Optional.empty();
    }
    double median = median(means);
    List<Double> deviations = new ArrayList<>();
    for (double mean : means) {
      deviations.add(Math.abs(mean - median));
    }
    return Optional.of(new Level(median, median(deviations), means.size()));
  }

  private static boolean overlaps(long from, long to, List<long[]> periods) {
    for (long[] period : periods) {
      if (from < period[1] && period[0] < to) {
        return true;
      }
    }
    return false;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
