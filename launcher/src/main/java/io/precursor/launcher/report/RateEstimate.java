package io.precursor.launcher.report;

/** Average rate since a phase began, and durations as people read them. */
final class RateEstimate {

  private final long startNanos;
  private final long startCount;

  RateEstimate(long startNanos, long startCount) {
    this.startNanos = startNanos;
    this.startCount = startCount;
  }

  double perSecond(long nowNanos, long count) {
    double seconds = (nowNanos - startNanos) / 1e9;
    return seconds <= 0 ? 0 : (count - startCount) / seconds;
  }

  static String human(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return (seconds / 60) + " min " + (seconds % 60) + " s";
    }
    return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
  }
}
