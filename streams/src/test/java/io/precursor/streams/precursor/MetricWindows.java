package io.precursor.streams.precursor;

import io.precursor.streams.window.InstanceSignal;
import io.precursor.streams.window.InstanceWindow;
import java.time.Duration;
import java.time.Instant;

/** Builds a window from per-minute datapoints, for the rule tests. */
final class MetricWindows {

  static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");

  private final InstanceWindow window = new InstanceWindow();

  /** Adds {@code values} of {@code metric}, one a minute from T0. */
  MetricWindows series(String metric, double... values) {
    for (int minute = 0; minute < values.length; minute++) {
      long time = T0.plus(Duration.ofMinutes(minute)).toEpochMilli();
      window.add(
          new InstanceSignal(
              "ads-prod", null, new InstanceSignal.Metric(metric, time, values[minute])));
    }
    return this;
  }

  InstanceWindow window() {
    return window;
  }
}
