package io.precursor.streams.window;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A metric's datapoints within a window, in time order, with the summaries rules ask for. */
public record MetricSeries(String metric, NavigableMap<Long, Double> points) {

  public MetricSeries {
    points = new TreeMap<>(points);
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

  /** Time of the latest datapoint. */
  public long lastTime() {
    return points.lastKey();
  }
}
