package io.precursor.streams.precursor;

import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.streams.baseline.Baselines;
import io.precursor.streams.window.FingerprintActivity;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.MetricSeries;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Seed 001: one statement writing around a million rows or more with binary logging on while
 * FreeableMemory drops — AWS warns such transactions can run an Aurora MySQL writer out of memory.
 */
public final class OversizedTransaction implements PrecursorRule {

  static final String HINT =
      "One transaction is writing over a million rows with the binlog on, which AWS warns can run"
          + " Aurora MySQL out of memory. Keep each transaction below 1 million rows: commit in"
          + " batches (e.g. 10,000-100,000 rows), or turn binary logging off if nothing reads it;"
          + " otherwise scale the writer to a larger R class.";

  private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE");
  private static final double GIB = 1024.0 * 1024 * 1024;

  private final long minRows;
  private final long criticalRows;
  private final double memoryDropRatio;
  private final boolean binlogAssumed;

  /**
   * @param minRows rows one statement must write
   * @param criticalRows rows that make it CRITICAL
   * @param memoryDropRatio fall of FreeableMemory from the window's peak, as a fraction of it
   * @param binlogAssumed treat binary logging as on without BinLogDiskUsage showing it
   */
  public OversizedTransaction(
      long minRows, long criticalRows, double memoryDropRatio, boolean binlogAssumed) {
    this.minRows = minRows;
    this.criticalRows = criticalRows;
    this.memoryDropRatio = memoryDropRatio;
    this.binlogAssumed = binlogAssumed;
  }

  @Override
  public PrecursorKind kind() {
    return PrecursorKind.OVERSIZED_TRANSACTION;
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window) {
    return evaluate(window, Baselines.none());
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window, Baselines baselines) {
    // A loop, not a stream: run again on ten windows for every slow query of the instance.
    FingerprintActivity largest = null;
    for (FingerprintActivity f : window.fingerprints()) {
      if (WRITES.contains(f.kind())
          && (largest == null || f.maxRowsWritten() > largest.maxRowsWritten())) {
        largest = f;
      }
    }
    if (largest == null || largest.maxRowsWritten() < minRows) {
      return Optional.empty();
    }
    MetricSeries binlog = window.series("BinLogDiskUsage");
    boolean binlogOn = binlogAssumed || (!binlog.isEmpty() && binlog.max() > 0);
    MetricSeries memory = window.series("FreeableMemory");
    if (!binlogOn || memory.size() < 2) {
      return Optional.empty();
    }
    // Only a fall after the peak counts: memory that rose in the window is recovery.
    Map.Entry<Long, Double> peak = memory.peak();
    if (memory.lastTime() <= peak.getKey() || peak.getValue() <= 0) {
      return Optional.empty();
    }
    double fall = (peak.getValue() - memory.last()) / peak.getValue();
    if (fall < memoryDropRatio) {
      return Optional.empty();
    }
    FingerprintActivity f = largest;
    Severity severity = f.maxRowsWritten() >= criticalRows ? Severity.CRITICAL : Severity.WARNING;
    String binlogText =
        binlog.isEmpty()
            ? "binlog on"
            : String.format(Locale.ROOT, "binlog on, %.1f GiB", binlog.last() / GIB);
    String summary =
        String.format(
            Locale.ROOT,
            "one %s on %s wrote %,d rows in a single statement (%s) while FreeableMemory fell"
                + " %.0f%% from %.1f GiB to %.1f GiB",
            f.kind(),
            String.join(", ", f.tables()),
            f.maxRowsWritten(),
            binlogText,
            fall * 100,
            peak.getValue() / GIB,
            memory.last() / GIB);
    return Optional.of(
        new Finding(
            kind(),
            severity,
            summary,
            HINT,
            List.of(Evidence.of(f)),
            Evidence.trajectories(window, "FreeableMemory", "BinLogDiskUsage", "WriteIOPS")));
  }
}
