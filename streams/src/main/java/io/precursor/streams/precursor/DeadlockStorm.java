package io.precursor.streams.precursor;

import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.streams.baseline.Baselines;
import io.precursor.streams.baseline.Level;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.MetricSeries;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Seed 001: the Deadlocks metric and the deadlock dumps of the error log
 * (innodb_print_all_deadlocks) rising together — transactions that keep colliding on the same rows
 * rather than InnoDB's occasional deadlock.
 */
public final class DeadlockStorm implements PrecursorRule {

  static final String HINT =
      "Transactions keep deadlocking on the same rows. What AWS advises: commit right after each"
          + " related set of changes and split large transactions; make concurrent upserts"
          + " (INSERT ... ON DUPLICATE KEY UPDATE, REPLACE) smaller or one row at a time; touch"
          + " rows in the same order in every transaction; READ COMMITTED against gap locks; and"
          + " retry with backoff in the application.";

  /** How many times its normal the Deadlocks metric must reach, when a normal is known. */
  private static final double RISE_OVER_NORMAL = 3.0;

  private final int minDumps;
  private final double minRatePerSecond;
  private final int criticalDumps;
  private final double clearFraction;

  /**
   * @param minDumps deadlock dumps in the error log within a window that make a storm
   * @param minRatePerSecond the Deadlocks metric (average per second) the storm must reach
   * @param criticalDumps so many dumps in a window is CRITICAL
   * @param clearFraction the storm stays open while both measures are above this fraction of their
   *     thresholds
   */
  public DeadlockStorm(
      int minDumps, double minRatePerSecond, int criticalDumps, double clearFraction) {
    this.minDumps = minDumps;
    this.minRatePerSecond = minRatePerSecond;
    this.criticalDumps = criticalDumps;
    this.clearFraction = clearFraction;
  }

  @Override
  public PrecursorKind kind() {
    return PrecursorKind.DEADLOCK_STORM;
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window) {
    return evaluate(window, Baselines.none());
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window, Baselines baselines) {
    long dumps = window.errorLogEntries("DEADLOCK");
    MetricSeries rate = window.series("Deadlocks");
    if (rate.isEmpty() || dumps == 0) {
      return Optional.empty();
    }
    double peakRate = rate.max();
    Optional<Level> normal = baselines.metric("Deadlocks");
    boolean aboveNormal = normal.map(n -> n.farAbove(peakRate, RISE_OVER_NORMAL)).orElse(true);
    if (dumps < minDumps || peakRate < minRatePerSecond || !aboveNormal) {
      boolean elevated =
          normal.map(n -> n.farAbove(peakRate, RISE_OVER_NORMAL * clearFraction)).orElse(true)
              && dumps >= Math.ceil(minDumps * clearFraction)
              && peakRate >= minRatePerSecond * clearFraction;
      return elevated ? Optional.of(Finding.elevated(kind())) : Optional.empty();
    }
    Severity severity = dumps >= criticalDumps ? Severity.CRITICAL : Severity.WARNING;
    String tables =
        window.deadlockTables().entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(3)
            .map(Map.Entry::getKey)
            .collect(Collectors.joining(", "));
    String summary =
        String.format(
            Locale.ROOT,
            "%d deadlock dumps in the error log%s while the Deadlocks metric rose to %.3f/s%s",
            dumps,
            tables.isEmpty() ? "" : " (on " + tables + ")",
            peakRate,
            normal.map(n -> String.format(Locale.ROOT, " (normal %.3f/s)", n.median())).orElse(""));
    return Optional.of(
        new Finding(
            kind(),
            severity,
            summary,
            HINT,
            Evidence.busiestFingerprints(window, 5),
            Evidence.trajectories(window, "Deadlocks", "DMLLatency", "CommitLatency")));
  }
}
