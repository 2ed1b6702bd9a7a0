package io.precursor.streams.window;

import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * A metric's datapoints within a window, in time order, with the summaries rules ask for. A read
 * view of the window's own datapoints: rules read a window's series many times per signal.
 */
public final class MetricSeries {

  private final String metric;
  private final MetricPoints points;

  MetricSeries(String metric, MetricPoints points) {
    this.metric = metric;
    this.points = points;
  }

  public String metric() {
    return metric;
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  /** Number of datapoints. */
  public int size() {
    return points.size();
  }

  /** The i-th datapoint's time, in time order. */
  public long time(int i) {
    return points.time(i);
  }

  /** The i-th datapoint's value, in time order. */
  public double value(int i) {
    return points.value(i);
  }

  public double first() {
    return points.value(0);
  }

  public double last() {
    return points.value(points.size() - 1);
  }

  /** Time of the latest datapoint. */
  public long lastTime() {
    return points.time(points.size() - 1);
  }

  public double max() {
    return fold(Math::max);
  }

  public double min() {
    return fold(Math::min);
  }

  /** The values folded from the first on; NaN when there is none. */
  private double fold(DoubleBinaryOperator with) {
    if (points.isEmpty()) {
      return Double.NaN;
    }
    double folded = points.value(0);
    for (int i = 1; i < points.size(); i++) {
      folded = with.applyAsDouble(folded, points.value(i));
    }
    return folded;
  }

  /** Value at the series' highest point (the first, if several), and the time of that point. */
  public Map.Entry<Long, Double> peak() {
    if (points.isEmpty()) {
      return null;
    }
    int peak = 0;
    for (int i = 1; i < points.size(); i++) {
      if (points.value(i) > points.value(peak)) {
        peak = i;
      }
    }
    return Map.entry(points.time(peak), points.value(peak));
  }

  /** Least-squares change per minute; 0 with fewer than two points. */
  public double changePerMinute() {
    int n = points.size();
    if (n < 2) {
      return 0;
    }
    double t0 = points.time(0);
    double meanT = 0;
    double meanV = 0;
    for (int i = 0; i < n; i++) {
      meanT += (points.time(i) - t0) / 60_000.0;
      meanV += points.value(i);
    }
    meanT /= n;
    meanV /= n;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      double dt = (points.time(i) - t0) / 60_000.0 - meanT;
      num += dt * (points.value(i) - meanV);
      den += dt * dt;
    }
    return den == 0 ? 0 : num / den;
  }

  /** Share of consecutive steps that went up; 0 with fewer than two points. */
  public double risingShare() {
    int n = points.size();
    if (n < 2) {
      return 0;
    }
    int rising = 0;
    for (int i = 1; i < n; i++) {
      if (points.value(i) > points.value(i - 1)) {
        rising++;
      }
    }
    return rising / (double) (n - 1);
  }
}
