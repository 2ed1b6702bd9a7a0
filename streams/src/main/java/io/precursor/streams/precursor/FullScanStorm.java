package io.precursor.streams.precursor;

import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.streams.baseline.Baselines;
import io.precursor.streams.baseline.Level;
import io.precursor.streams.window.FingerprintActivity;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.MetricSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 004: one query fingerprint suddenly examines far more rows per execution than it normally
 * does on this instance — the optimizer dropped the index, often for an {@code IN} list at or past
 * eq_range_index_dive_limit — and many copies run at once while CPU climbs.
 */
public final class FullScanStorm implements PrecursorRule {

  static final String HINT =
      "A query that normally uses its index is scanning the table, many copies at once. Seen"
          + " before: with an IN list at or past eq_range_index_dive_limit the optimizer estimates"
          + " rows from index statistics, and a statistics update racing with it (MySQL bug"
          + " #82969) makes the index look useless. Kill the running scans, add FORCE INDEX to"
          + " the query, and keep IN lists below the limit.";

  private final double riseFactor;
  private final long minRowsPerExecution;
  private final int minConcurrent;
  private final int criticalConcurrent;
  private final int inListLimit;
  private final double clearFraction;

  /**
   * @param riseFactor rows examined per execution, as a multiple of its own normal, that fires
   * @param minRowsPerExecution below this a rise is too small to matter
   * @param minConcurrent executions running at the same time that make a storm
   * @param criticalConcurrent so many at once, with CPU rising, is CRITICAL
   * @param inListLimit eq_range_index_dive_limit: an IN list this long skips index dives
   * @param clearFraction the storm stays open while both measures are above this fraction of their
   *     thresholds
   */
  public FullScanStorm(
      double riseFactor,
      long minRowsPerExecution,
      int minConcurrent,
      int criticalConcurrent,
      int inListLimit,
      double clearFraction) {
    this.riseFactor = riseFactor;
    this.minRowsPerExecution = minRowsPerExecution;
    this.minConcurrent = minConcurrent;
    this.criticalConcurrent = criticalConcurrent;
    this.inListLimit = inListLimit;
    this.clearFraction = clearFraction;
  }

  @Override
  public PrecursorKind kind() {
    return PrecursorKind.FULL_SCAN_STORM;
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window) {
    return evaluate(window, Baselines.none());
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window, Baselines baselines) {
    Storm worst = null;
    boolean elevated = false;
    for (FingerprintActivity f : window.fingerprints()) {
      double perExecution = f.rowsExaminedPerExecution();
      if (perExecution < minRowsPerExecution * clearFraction) {
        continue;
      }
      // Without a normal for this fingerprint there is nothing to be far above: a report that is
      // always large is not a storm.
      Optional<Level> normal = baselines.rowsExaminedPerExecution(f.fingerprintHash());
      if (normal.isEmpty()) {
        continue;
      }
      int concurrent = f.maxConcurrent();
      if (perExecution >= minRowsPerExecution
          && normal.get().farAbove(perExecution, riseFactor)
          && concurrent >= minConcurrent) {
        Storm storm = new Storm(f, normal.get(), concurrent);
        if (worst == null || storm.weight() > worst.weight()) {
          worst = storm;
        }
      } else if (normal.get().farAbove(perExecution, riseFactor * clearFraction)
          && concurrent >= Math.max(2, Math.round(minConcurrent * clearFraction))) {
        elevated = true;
      }
    }
    if (worst == null) {
      return elevated ? Optional.of(Finding.elevated(kind())) : Optional.empty();
    }
    MetricSeries cpu = window.series("CPUUtilization");
    boolean cpuRising = cpu.size() >= 2 && cpu.last() > cpu.first();
    Severity severity =
        worst.concurrent() >= criticalConcurrent && cpuRising
            ? Severity.CRITICAL
            : Severity.WARNING;
    FingerprintActivity f = worst.fingerprint();
    String inList =
        f.largestInList() >= inListLimit
            ? String.format(
                Locale.ROOT,
                "; IN list of %d values, at or past eq_range_index_dive_limit %d",
                f.largestInList(),
                inListLimit)
            : "";
    String cpuText =
        cpu.size() >= 2
            ? String.format(Locale.ROOT, "; CPU %.0f%% to %.0f%%", cpu.first(), cpu.last())
            : "";
    String summary =
        String.format(
            Locale.ROOT,
            "%d executions of one %s on %s running at once, each examining %,.0f rows: %.0fx its"
                + " normal %,.0f%s%s",
            worst.concurrent(),
            f.kind(),
            String.join(", ", f.tables()),
            f.rowsExaminedPerExecution(),
            worst.normal().ratio(f.rowsExaminedPerExecution()),
            worst.normal().median(),
            inList,
            cpuText);
    List<io.precursor.schemas.FingerprintEvidence> evidence = new ArrayList<>();
    evidence.add(Evidence.of(f));
    return Optional.of(
        new Finding(
            kind(),
            severity,
            summary,
            HINT,
            evidence,
            Evidence.trajectories(window, "CPUUtilization", "ReadIOPS", "ReadLatency")));
  }

  private record Storm(FingerprintActivity fingerprint, Level normal, int concurrent) {
    double weight() {
      return normal.ratio(fingerprint.rowsExaminedPerExecution()) * concurrent;
    }
  }
}
