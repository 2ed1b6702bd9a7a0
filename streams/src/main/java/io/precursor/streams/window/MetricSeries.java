package io.precursor.streams.window;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;

/** A metric's datapoints within a window, in time order, with the summaries rules ask for. */
public record MetricSeries(String metric, NavigableMap<Long, Double> points) {

  /** A read-only view of {@code points}: rules read a window's series many times per signal. */
  public MetricSeries {
    points = Collections.unmodifiableNavigableMap(points);
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  public double first() {
    return points.firstEntry().getValue();
  }

  public double last() {
    return points.lastEntry().getValue();
  }

  public double max() {
    return points.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  public double min() {
    return points.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  /** Value at the series' highest point, and the time of that point. */
  public Map.Entry<Long, Double> peak() {
    Map.Entry<Long, Double> peak = null;
    for (Map.Entry<Long, Double> point : points.entrySet()) {
      if (peak == null || point.getValue() > peak.getValue()) {
        peak = point;
      }
    }
    return peak;
  }

  /** Least-squares change per minute; 0 with fewer than two points. */
  public double changePerMinute() {
    int n = points.size();
    if (n < 2) {
      return 0;
    }
    double t0 = points.firstKey();
    double meanT = 0;
    double meanV = 0;
    for (Map.Entry<Long, Double> p : points.entrySet()) {
      meanT += (p.getKey() - t0) / 60_000.0;
      meanV += p.getValue();
    }
    meanT /= n;
    meanV /= n;
    double num = 0;
    double den = 0;
    for (Map.Entry<Long, Double> p : points.entrySet()) {
      double dt = (p.getKey() - t0) / 60_000.0 - meanT;
      num += dt * (p.getValue() - meanV);
      den += dt * dt;
    }
    return den == 0 ? 0 : num / den;
  }

  /** Share of consecutive steps that went up; 0 with fewer than two points. */
  public double risingShare() {
    if (points.size() < 2) {
      return 0;
    }
    int rising = 0;
    Double previous = null;
    for (double value : points.values()) {
      if (previous != null && value > previous) {
        rising++;
      }
      previous = value;
    }
    return rising / (double) (points.size() - 1);
  }

  /** Number of datapoints. */
  public int size() {
    return points.size();
  }

  /** Time of the latest datapoint. */
  public long lastTime() {
    return points.lastKey();
  }
}
