package io.precursor.streams.precursor;

import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.MetricSeries;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 001: a burstable (T class) instance whose CPUCreditBalance is heading to zero; once empty,
 * CPU drops to baseline and read and write latency jump.
 */
public final class CpuCreditExhaustion implements PrecursorRule {

  static final String HINT =
      "This T-class instance spends CPU credits faster than it earns them; when they run out,"
          + " CPU falls to baseline and latency jumps, and a reader out of credits lags and"
          + " restarts. AWS's advice: move production Aurora to an R instance class, or shed the"
          + " load that burns the credits.";

  private final double horizonMinutes;
  private final double floor;

  /**
   * @param horizonMinutes warn when the balance, at its current rate, reaches zero within this
   * @param floor a balance at or below this is CRITICAL
   */
  public CpuCreditExhaustion(double horizonMinutes, double floor) {
    this.horizonMinutes = horizonMinutes;
    this.floor = floor;
  }

  @Override
  public PrecursorKind kind() {
    return PrecursorKind.CPU_CREDIT_EXHAUSTION;
  }

  @Override
  public Optional<Finding> evaluate(InstanceWindow window) {
    MetricSeries credits = window.series("CPUCreditBalance");
    if (credits.size() < 3) {
      return Optional.empty();
    }
    double perMinute = credits.changePerMinute();
    double balance = credits.last();
    if (perMinute >= 0) {
      return Optional.empty();
    }
    double minutesLeft = balance / -perMinute;
    if (minutesLeft > horizonMinutes && balance > floor) {
      return Optional.empty();
    }
    Severity severity = balance <= floor ? Severity.CRITICAL : Severity.WARNING;
    String summary =
        String.format(
            Locale.ROOT,
            "CPUCreditBalance %.0f and falling %.1f a minute: empty in about %.0f min",
            balance,
            -perMinute,
            minutesLeft);
    return Optional.of(
        new Finding(
            kind(),
            severity,
            summary,
            HINT,
            Evidence.busiestFingerprints(window, 5),
            Evidence.trajectories(
                window, "CPUCreditBalance", "CPUUtilization", "ReadLatency", "WriteLatency")));
  }
}
