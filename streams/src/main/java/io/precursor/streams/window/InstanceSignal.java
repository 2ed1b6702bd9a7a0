package io.precursor.streams.window;

import io.precursor.schemas.MetricSample;
import io.precursor.schemas.SlowQueryEntry;
import java.util.List;

/**
 * One thing seen on a DB instance — a slow query or a metric datapoint — so both can be aggregated
 * into the same per-instance window.
 *
 * @param cluster the instance's cluster, when known
 * @param slowQuery the slow query, or null
 * @param metric the datapoint, or null
 */
public record InstanceSignal(String cluster, SlowQuery slowQuery, Metric metric) {

  /** The facts of a slow-log entry the rules use. */
  public record SlowQuery(
      long time,
      String kind,
      List<String> tables,
      String fingerprint,
      long fingerprintHash,
      long rowsExamined,
      long rowsWritten,
      long rowsSent,
      double queryTimeSeconds,
      int largestInList) {}

  /** One datapoint. */
  public record Metric(String name, long time, double value) {}

  public static InstanceSignal of(SlowQueryEntry entry) {
    // MySQL's own slow log has no Rows_affected; for DML the rows examined is the closest count.
    long written =
        entry.getRowsAffected() != null ? entry.getRowsAffected() : entry.getRowsExamined();
    return new InstanceSignal(
        entry.getCluster(),
        new SlowQuery(
            entry.getEventTime().toEpochMilli(),
            entry.getStatementKind().name(),
            List.copyOf(entry.getTables()),
            entry.getFingerprint(),
            entry.getFingerprintHash(),
            entry.getRowsExamined(),
            written,
            entry.getRowsSent(),
            entry.getQueryTimeSeconds(),
            entry.getLargestInList()),
        null);
  }

  public static InstanceSignal of(MetricSample sample) {
    return new InstanceSignal(
        sample.getCluster(),
        null,
        new Metric(sample.getMetric(), sample.getTime().toEpochMilli(), sample.getValue()));
  }

  /** Event time of the signal. */
  public long time() {
    return slowQuery != null ? slowQuery.time() : metric.time();
  }
}
