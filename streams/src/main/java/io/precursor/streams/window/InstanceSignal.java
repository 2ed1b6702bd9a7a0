package io.precursor.streams.window;

import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.SlowQueryEntry;
import java.util.List;

/**
 * One thing seen on a DB instance — a slow query, a metric datapoint, an error-log entry or a
 * lifecycle event — so all can be aggregated into the same per-instance window and baseline.
 *
 * @param cluster the instance's cluster, when known
 * @param slowQuery the slow query, or null
 * @param metric the datapoint, or null
 * @param errorLog the error-log entry, or null
 * @param lifecycle the RDS event about the instance, or null
 */
public record InstanceSignal(
    String cluster, SlowQuery slowQuery, Metric metric, ErrorLog errorLog, Lifecycle lifecycle) {

  public InstanceSignal(String cluster, SlowQuery slowQuery, Metric metric) {
    this(cluster, slowQuery, metric, null, null);
  }

  /**
   * The facts of a slow-log entry the rules use; {@code time} is when it finished, so it ran over
   * {@code [time - queryTimeSeconds, time]}.
   */
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
      int largestInList) {

    /** When the statement started. */
    public long startTime() {
      return time - Math.round(queryTimeSeconds * 1000);
    }
  }

  /** One datapoint. */
  public record Metric(String name, long time, double value) {}

  /** One error-log entry: its kind (DEADLOCK, ...) and the tables a deadlock dump names. */
  public record ErrorLog(long time, String kind, List<String> tables) {}

  /**
   * An RDS event about the instance: {@code kind} as classified (FAILOVER_STARTED, RESTART, ...),
   * and the role it leaves the instance in when the event says (WRITER, READER), else null.
   */
  public record Lifecycle(long time, String kind, String role) {}

  public static InstanceSignal of(SlowQueryEntry entry) {
    // MySQL's own slow log has no Rows_affected; for DML the rows examined is the closest count.
    long written =
        entry.getRowsAffected() != null ? entry.getRowsAffected() : entry.getRowsExamined();
    return new InstanceSignal(
        CanonicalNames.of(entry.getCluster()),
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
        CanonicalNames.of(sample.getCluster()),
        null,
        new Metric(
            CanonicalNames.of(sample.getMetric()),
            sample.getTime().toEpochMilli(),
            sample.getValue()));
  }

  public static InstanceSignal of(ErrorLogEntry entry) {
    return new InstanceSignal(
        CanonicalNames.of(entry.getCluster()),
        null,
        null,
        new ErrorLog(
            entry.getEventTime().toEpochMilli(),
            entry.getKind().name(),
            List.copyOf(entry.getTables())),
        null);
  }

  public static InstanceSignal ofLifecycle(String cluster, Lifecycle lifecycle) {
    return new InstanceSignal(cluster, null, null, null, lifecycle);
  }

  /** Event time of the signal. */
  public long time() {
    if (slowQuery != null) {
      return slowQuery.time();
    }
    if (metric != null) {
      return metric.time();
    }
    if (errorLog != null) {
      return errorLog.time();
    }
    return lifecycle.time();
  }
}
