package io.precursor.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The datapoints of one metric of one instance as they were read, in primitive arrays because a day
 * of a fleet is millions of them; folded into at most a chart's worth of points on demand.
 */
final class MetricSeriesBuffer {

  private final KeyMetric metric;
  private long[] times = new long[256];
  private double[] values = new double[256];
  private int size;

  MetricSeriesBuffer(KeyMetric metric) {
    this.metric = metric;
  }

  void add(long time, double value) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    times[size] = time;
    values[size] = value;
    size++;
  }

  int size() {
    return size;
  }

  /**
   * The series on buckets of {@code bucketMillis} starting at {@code origin}, each point at its
   * bucket's start holding the worst value in it; one datapoint per bucket when the bucket is the
   * metric's period, so nothing is lost then.
   */
  List<SeriesPoint> folded(long origin, long bucketMillis) {
    List<SeriesPoint> points = new ArrayList<>();
    long bucket = Long.MIN_VALUE;
    double worst = 0;
    for (int i : timeOrder()) {
      long start = origin + Math.floorDiv(times[i] - origin, bucketMillis) * bucketMillis;
      if (start != bucket) {
        if (bucket != Long.MIN_VALUE) {
          points.add(new SeriesPoint(bucket, worst));
        }
        bucket = start;
        worst = values[i];
      } else {
        worst = metric.worse(worst, values[i]);
      }
    }
    if (bucket != Long.MIN_VALUE) {
      points.add(new SeriesPoint(bucket, worst));
    }
    return points;
  }

  /** Indexes in time order; stable, so a revised datapoint comes after the first reading. */
  private int[] timeOrder() {
    return java.util.stream.IntStream.range(0, size)
        .boxed()
        .sorted((a, b) -> Long.compare(times[a], times[b]))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
