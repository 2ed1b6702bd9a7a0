package io.precursor.streams.precursor;

import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.MetricSeries;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 001: AuroraReplicaLag growing steadily on a reader; a reader that cannot catch up is
 * restarted.
 */
public final class ReplicaLagGrowth implements PrecursorRule {

  static final String HINT =
      "A reader falling steadily behind the writer is restarted when it cannot catch up. Check"
          + " the reader's CPU credit balance (T classes) and its read load; spread reads over"
          + " more readers or scale the reader's instance class.";

  private static final double STEADY_SHARE = 0.75;
  private static final int MIN_POINTS = 5;

  private final double minLagMs;
  private final double criticalLagMs;

  /**
   * @param minLagMs lag below this is normal, whatever its trend
   * @param criticalLagMs lag at or above this is CRITICAL
   */
  public ReplicaLagGrowth(double minLagMs, double criticalLagMs) {
    this.minLagMs = minLagMs;
    this.criticalLagMs = criticalLagMs;
  }

  @Override
  public PrecursorKind kind() {
    return PrecursorKind.REPLICA_LAG_GROWTH;
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window) {
    MetricSeries lag = window.series("AuroraReplicaLag");
    if (lag.size() < MIN_POINTS
        || lag.last() < minLagMs
        || lag.risingShare() < STEADY_SHARE
        || lag.changePerMinute() <= 0) {
      return Optional.empty();
    }
    Severity severity = lag.last() >= criticalLagMs ? Severity.CRITICAL : Severity.WARNING;
    String summary =
        String.format(
            Locale.ROOT,
            "AuroraReplicaLag grew in %.0f%% of the last %d minutes, from %.0f ms to %.0f ms"
                + " (+%.0f ms a minute)",
            lag.risingShare() * 100,
            lag.size() - 1,
            lag.first(),
            lag.last(),
            lag.changePerMinute());
    return Optional.of(
        new Finding(
            kind(),
            severity,
            summary,
            HINT,
            Evidence.busiestFingerprints(window, 5),
            Evidence.trajectories(
                window, "AuroraReplicaLag", "CPUCreditBalance", "CPUUtilization")));
  }
}
