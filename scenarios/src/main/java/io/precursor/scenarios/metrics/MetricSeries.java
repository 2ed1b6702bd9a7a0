package io.precursor.scenarios.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** One CloudWatch metric series as a GetMetricData query asks for it, and its values. */
public record MetricSeries(
    String namespace,
    String metricName,
    List<Dimension> dimensions,
    int periodSeconds,
    String stat,
    int decimals,
    SeriesShape shape) {

  public MetricSeries {
    dimensions = List.copyOf(dimensions);
  }

  /** A 1-minute {@code Average} AWS/RDS series, the way RDS publishes them. */
  public static MetricSeries rds(RdsMetric metric, List<Dimension> dimensions, SeriesShape shape) {
    return new MetricSeries(
        "AWS/RDS", metric.metricName(), dimensions, 60, "Average", metric.decimals(), shape);
  }

  /** The datapoints whose periods start in {@code [from, until)}, oldest first. */
  public List<Datapoint> datapoints(Instant from, Instant until) {
    List<Datapoint> points = new ArrayList<>();
    long period = periodSeconds;
    long first = Math.floorDiv(from.getEpochSecond() + period - 1, period) * period;
    for (long second = first; second < until.getEpochSecond(); second += period) {
      Instant start = Instant.ofEpochSecond(second);
      OptionalDouble value = shape.at(start);
      if (value.isPresent()) {
        points.add(new Datapoint(start, round(value.getAsDouble())));
      }
    }
    return points;
  }

  private double round(double value) {
    double scale = Math.pow(10, decimals);
    // Dividing a whole number by a power of ten gives the double nearest the decimal, so values
    // print as short decimals.
    return Math.round(value * scale) / scale;
  }
}
