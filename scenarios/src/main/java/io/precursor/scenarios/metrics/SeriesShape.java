package io.precursor.scenarios.metrics;

import java.time.Instant;
import java.util.OptionalDouble;

/** What a metric series reports for each period; empty where CloudWatch has no datapoint. */
public interface SeriesShape {

  OptionalDouble at(Instant periodStart);

  /**
   * {@code before} until {@code switchAt}, then {@code after}: e.g. the cluster's WRITER-role
   * series following the writer across a failover.
   */
  static SeriesShape splice(Instant switchAt, SeriesShape before, SeriesShape after) {
    return periodStart ->
        periodStart.isBefore(switchAt) ? before.at(periodStart) : after.at(periodStart);
  }
}
