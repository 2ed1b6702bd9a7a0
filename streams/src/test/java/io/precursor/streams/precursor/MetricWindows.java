package io.precursor.streams.precursor;

import io.precursor.streams.baseline.Baselines;
import io.precursor.streams.baseline.Level;
import io.precursor.streams.window.InstanceSignal;
import io.precursor.streams.window.InstanceWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a window from per-minute datapoints, slow queries and error-log entries, for rule tests.
 */
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

  /**
   * Adds {@code count} executions of one statement, the i-th finishing {@code every} seconds after
   * the previous, each running {@code seconds}.
   */
  MetricWindows queries(
      int count,
      String kind,
      String table,
      long fingerprintHash,
      long rowsExamined,
      long rowsWritten,
      double seconds,
      double every,
      int inList) {
    for (int i = 0; i < count; i++) {
      long end = T0.toEpochMilli() + Math.round((seconds + i * every) * 1000);
      window.add(
          new InstanceSignal(
              "ads-prod",
              new InstanceSignal.SlowQuery(
                  end,
                  kind,
                  List.of(table),
                  kind.toLowerCase() + " on " + table + " #" + fingerprintHash,
                  fingerprintHash,
                  rowsExamined,
                  rowsWritten,
                  0,
                  seconds,
                  inList),
              null));
    }
    return this;
  }

  /** Adds {@code count} deadlock dumps naming {@code table}, one every 30 s from T0. */
  MetricWindows deadlocks(int count, String table) {
    for (int i = 0; i < count; i++) {
      window.add(
          new InstanceSignal(
              "ads-prod",
              null,
              null,
              new InstanceSignal.ErrorLog(
                  T0.toEpochMilli() + i * 30_000L, "DEADLOCK", List.of(table)),
              null));
    }
    return this;
  }

  InstanceWindow window() {
    return window;
  }

  /** Baselines with the given medians (and a tenth of them as their spread). */
  static final class Normal implements Baselines {
    private final Map<String, Double> metrics = new HashMap<>();
    private final Map<Long, Double> fingerprints = new HashMap<>();

    Normal metric(String name, double median) {
      metrics.put(name, median);
      return this;
    }

    Normal rowsExamined(long fingerprintHash, double median) {
      fingerprints.put(fingerprintHash, median);
      return this;
    }

    @Override
    public Optional<Level> metric(String name) {
      return Optional.ofNullable(metrics.get(name)).map(m -> new Level(m, m / 10, 18));
    }

    @Override
    public Optional<Level> rowsExaminedPerExecution(long fingerprintHash) {
      return Optional.ofNullable(fingerprints.get(fingerprintHash))
          .map(m -> new Level(m, m / 10, 18));
    }
  }
}
