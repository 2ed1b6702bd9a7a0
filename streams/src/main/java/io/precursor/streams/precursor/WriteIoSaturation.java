package io.precursor.streams.precursor;

import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.MetricSeries;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 002: commits stall on redo-log and binlog flushes — CommitLatency and DiskQueueDepth climb
 * while WriteIOPS stays flat at the storage's ceiling — and reads still pass.
 */
public final class WriteIoSaturation implements PrecursorRule {

  static final String HINT =
      "Commits are queuing on log flushes at the storage's IOPS ceiling. What did not help before:"
          + " innodb_flush_log_at_trx_commit=0 (Aurora already batches commits); what broke it:"
          + " binlog_order_commits=OFF (commit deadlock, MySQL bug #68569). Lower write"
          + " concurrency or batch size, drop the binlog if nothing reads it, or scale the writer.";

  private final double riseFactor;
  private final double minCommitLatencyMs;
  private final double plateauTolerance;

  /**
   * @param riseFactor how many times its window low CommitLatency and DiskQueueDepth must reach
   * @param minCommitLatencyMs CommitLatency below this is healthy whatever its rise
   * @param plateauTolerance WriteIOPS growth, as a fraction, that still counts as flat
   */
  public WriteIoSaturation(double riseFactor, double minCommitLatencyMs, double plateauTolerance) {
    this.riseFactor = riseFactor;
    this.minCommitLatencyMs = minCommitLatencyMs;
    this.plateauTolerance = plateauTolerance;
  }

  @Override
  public PrecursorKind kind() {
    return PrecursorKind.WRITE_IO_SATURATION;
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window) {
    MetricSeries commit = window.series("CommitLatency");
    MetricSeries queue = window.series("DiskQueueDepth");
    MetricSeries iops = window.series("WriteIOPS");
    if (commit.size() < 3 || queue.size() < 3 || iops.size() < 3) {
      return Optional.empty();
    }
    double commitRise = commit.last() / Math.max(commit.min(), 1e-9);
    double queueRise = queue.last() / Math.max(queue.min(), 1e-9);
    // At the ceiling, WriteIOPS stays level over the whole window while latency climbs; IOPS that
    // stepped up with the load (a batch starting) is not saturation.
    boolean iopsFlat = iops.max() <= iops.min() * (1 + plateauTolerance);
    if (commit.last() < minCommitLatencyMs
        || commitRise < riseFactor
        || queueRise < riseFactor
        || !iopsFlat) {
      return Optional.empty();
    }
    Severity severity = commitRise >= 2 * riseFactor ? Severity.CRITICAL : Severity.WARNING;
    String summary =
        String.format(
            Locale.ROOT,
            "CommitLatency rose %.1fx to %.1f ms and DiskQueueDepth %.1fx to %.1f while WriteIOPS"
                + " stayed flat near %.0f",
            commitRise,
            commit.last(),
            queueRise,
            queue.last(),
            iops.max());
    return Optional.of(
        new Finding(
            kind(),
            severity,
            summary,
            HINT,
            Evidence.busiestFingerprints(window, 5),
            Evidence.trajectories(
                window, "CommitLatency", "DiskQueueDepth", "WriteIOPS", "ReadLatency")));
  }
}
