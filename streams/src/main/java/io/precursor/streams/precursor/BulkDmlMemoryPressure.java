package io.precursor.streams.precursor;

import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.MetricSeries;
import io.precursor.streams.window.TableActivity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 000: a batch rebuilding a table with bursts of DELETE then INSERT while FreeableMemory falls
 * fast toward its floor — the buffer pool and temporary space drain until Aurora fails over.
 */
public final class BulkDmlMemoryPressure implements PrecursorRule {

  static final String HINT =
      "A batch rebuilding a table with DELETE then INSERT drains the buffer pool. What fixed it"
          + " before: partition the table by month, replace DELETE with TRUNCATE (or DROP"
          + " PARTITION) plus multi-row INSERT, throttle the batch, and take a snapshot first"
          + " for instant rollback.";

  private static final double GIB = 1024.0 * 1024 * 1024;

  private final int minBulkEntries;
  private final double memoryDropRatio;
  private final double criticalRatio;

  /**
   * @param minBulkEntries DELETE/INSERT/REPLACE slow-log entries on one table that make a burst
   * @param memoryDropRatio fall of FreeableMemory from the window's peak, as a fraction of it
   * @param criticalRatio FreeableMemory at or below this fraction of the peak is CRITICAL
   */
  public BulkDmlMemoryPressure(int minBulkEntries, double memoryDropRatio, double criticalRatio) {
    this.minBulkEntries = minBulkEntries;
    this.memoryDropRatio = memoryDropRatio;
    this.criticalRatio = criticalRatio;
  }

  @Override
  public PrecursorKind kind() {
    return PrecursorKind.BULK_DML_MEMORY_PRESSURE;
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window) {
    // A loop, not a stream: run again on ten windows for every slow query of the instance.
    Map.Entry<String, TableActivity> busiest = null;
    for (Map.Entry<String, TableActivity> e : window.tables().entrySet()) {
      long bulk = e.getValue().bulkWriteEntries();
      if (bulk >= minBulkEntries
          && (busiest == null || bulk > busiest.getValue().bulkWriteEntries())) {
        busiest = e;
      }
    }
    MetricSeries memory = window.series("FreeableMemory");
    if (busiest == null || memory.size() < 2) {
      return Optional.empty();
    }
    // Only a fall after the peak counts: memory that rose in the window is recovery.
    Map.Entry<Long, Double> peak = memory.peak();
    double latest = memory.last();
    if (memory.lastTime() <= peak.getKey() || peak.getValue() <= 0) {
      return Optional.empty();
    }
    double fall = (peak.getValue() - latest) / peak.getValue();
    if (fall < memoryDropRatio) {
      return Optional.empty();
    }
    Severity severity =
        latest <= peak.getValue() * criticalRatio ? Severity.CRITICAL : Severity.WARNING;
    String table = busiest.getKey();
    TableActivity activity = busiest.getValue();
    String summary =
        String.format(
            Locale.ROOT,
            "%d DELETE, %d INSERT, %d REPLACE slow entries on %s (%,d rows written) while"
                + " FreeableMemory fell %.0f%% from %.1f GiB to %.1f GiB",
            activity.entries("DELETE"),
            activity.entries("INSERT"),
            activity.entries("REPLACE"),
            table,
            activity.rowsWritten(),
            fall * 100,
            peak.getValue() / GIB,
            latest / GIB);
    return Optional.of(
        new Finding(
            kind(),
            severity,
            summary,
            HINT,
            Evidence.topFingerprints(window, table, 5),
            Evidence.trajectories(
                window, "FreeableMemory", "DiskQueueDepth", "WriteLatency", "CPUUtilization")));
  }
}
