package io.precursor.report;

import java.util.List;

/** One DB instance in a replay report: its charts, precursors, failovers and summary row. */
public record InstanceReport(
    String instance,
    String cluster,
    InstanceSummary summary,
    List<MetricChart> charts,
    List<PrecursorMarker> precursors,
    List<FailoverLine> failovers) {

  /** Whether anything happened here: a precursor or a failover. */
  public boolean eventful() {
    return !precursors.isEmpty() || !failovers.isEmpty();
  }
}
