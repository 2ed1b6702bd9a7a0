package io.precursor.alerting.slack;

import java.util.Locale;
import java.util.Set;

/**
 * The unit a CloudWatch AWS/RDS metric is published in, and how its values read in a message (bytes
 * as GiB, RDS latencies in seconds shown as milliseconds, and so on).
 */
public enum MetricUnit {
  BYTES,
  BYTES_PER_SECOND,
  SECONDS,
  MILLISECONDS,
  PERCENT,
  PER_SECOND,
  COUNT;

  // Aurora's SQL-level latencies are already milliseconds; RDS Read/WriteLatency are seconds.
  private static final Set<String> MILLISECOND_METRICS =
      Set.of(
          "CommitLatency",
          "DMLLatency",
          "DDLLatency",
          "SelectLatency",
          "InsertLatency",
          "UpdateLatency",
          "DeleteLatency",
          "AuroraReplicaLag",
          "AuroraReplicaLagMaximum",
          "AuroraReplicaLagMinimum",
          "AuroraBinlogReplicaLag");

  /** The unit of a metric by its CloudWatch name; COUNT when it is not known. */
  public static MetricUnit of(String metric) {
    if (metric == null) {
      return COUNT;
    }
    if (MILLISECOND_METRICS.contains(metric)) {
      return MILLISECONDS;
    }
    if (metric.endsWith("Latency") || "ReplicaLag".equals(metric)) {
      return SECONDS;
    }
    if (metric.equals("ReadThroughput")
        || metric.equals("WriteThroughput")
        || metric.startsWith("Network")) {
      return BYTES_PER_SECOND;
    }
    if (metric.startsWith("Free") || metric.equals("SwapUsage") || metric.endsWith("Bytes")) {
      return BYTES;
    }
    if (metric.equals("CPUUtilization") || metric.endsWith("HitRatio")) {
      return PERCENT;
    }
    if (metric.endsWith("IOPS")
        || metric.endsWith("IOPs")
        || metric.equals("Deadlocks")
        || metric.endsWith("Throughput")) {
      return PER_SECOND;
    }
    return COUNT;
  }

  /**
   * A formatter that writes every value of one trajectory in the same scale, chosen from the
   * largest magnitude among them, so "12.4 GiB → 0.9 GiB" compares at a glance.
   */
  public Scale scaleFor(double largestMagnitude) {
    double m = Math.abs(largestMagnitude);
    return switch (this) {
      case BYTES -> bytes(m, "");
      case BYTES_PER_SECOND -> bytes(m, "/s");
      case SECONDS -> new Scale(1000, "ms", decimals(m * 1000));
      case MILLISECONDS -> new Scale(1, "ms", decimals(m));
      case PERCENT -> new Scale(1, "%", 1);
      case PER_SECOND -> new Scale(1, "/s", decimals(m));
      case COUNT -> new Scale(1, "", decimals(m));
    };
  }

  // A decimal only where it carries information: "2.5 ms" but "45 ms".
  private static int decimals(double magnitude) {
    return magnitude < 10 ? 1 : 0;
  }

  private static Scale bytes(double m, String rate) {
    double gib = 1024d * 1024 * 1024;
    if (m >= gib) {
      return new Scale(1 / gib, " GiB" + rate, 1);
    }
    if (m >= 1024 * 1024) {
      return new Scale(1d / (1024 * 1024), " MiB" + rate, 0);
    }
    if (m >= 1024) {
      return new Scale(1d / 1024, " KiB" + rate, 0);
    }
    return new Scale(1, " B" + rate, 0);
  }

  /**
   * Multiplier, suffix and decimals of one display scale.
   *
   * @param factor multiplies the CloudWatch value
   * @param suffix written after the number (with its own leading space when it needs one)
   * @param decimals digits after the point
   */
  public record Scale(double factor, String suffix, int decimals) {
    /** The value in this scale, e.g. "12.4 GiB", "35 ms", "87.5%". */
    public String format(double value) {
      String number = String.format(Locale.ROOT, "%,." + decimals + "f", value * factor);
      boolean tight =
          suffix.isEmpty()
              || suffix.startsWith(" ")
              || suffix.startsWith("%")
              || suffix.startsWith("/");
      return tight ? number + suffix : number + " " + suffix;
    }
  }
}
