package io.precursor.report;

import java.util.Optional;

/**
 * The CloudWatch metrics a report charts per instance, in the order a DBA reads them; each keeps
 * its worst value when minutes are folded into one point, so a collapse or a spike stays visible.
 */
public enum KeyMetric {
  FREEABLE_MEMORY("FreeableMemory", "bytes", Worst.LOWEST),
  CPU_UTILIZATION("CPUUtilization", "percent", Worst.HIGHEST),
  DISK_QUEUE_DEPTH("DiskQueueDepth", "count", Worst.HIGHEST),
  COMMIT_LATENCY("CommitLatency", "milliseconds", Worst.HIGHEST),
  WRITE_LATENCY("WriteLatency", "seconds", Worst.HIGHEST),
  DEADLOCKS("Deadlocks", "per second", Worst.HIGHEST),
  DATABASE_CONNECTIONS("DatabaseConnections", "count", Worst.HIGHEST),
  SWAP_USAGE("SwapUsage", "bytes", Worst.HIGHEST);

  /** Which end of a metric's range is the bad one. */
  public enum Worst {
    LOWEST,
    HIGHEST
  }

  private final String metricName;
  private final String unit;
  private final Worst worst;

  KeyMetric(String metricName, String unit, Worst worst) {
    this.metricName = metricName;
    this.unit = unit;
    this.worst = worst;
  }

  /** The CloudWatch metric name, as on the metrics topic. */
  public String metricName() {
    return metricName;
  }

  public String unit() {
    return unit;
  }

  public Worst worst() {
    return worst;
  }

  /** The worse of two values of this metric. */
  double worse(double a, double b) {
    return worst == Worst.LOWEST ? Math.min(a, b) : Math.max(a, b);
  }

  /** The key metric called {@code metricName} on the metrics topic, if it is one. */
  public static Optional<KeyMetric> named(String metricName) {
    for (KeyMetric metric : values()) {
      if (metric.metricName.equals(metricName)) {
        return Optional.of(metric);
      }
    }
    return Optional.empty();
  }
}
