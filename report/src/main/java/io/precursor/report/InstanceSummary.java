package io.precursor.report;

import java.util.List;
import java.util.Map;

/**
 * One row of the replay's summary table.
 *
 * @param precursorsByKind precursor episodes per kind, with the highest severity reached
 * @param incidents incidents of this instance (or of its cluster, for cluster-wide failovers)
 * @param leadTimesMillis the lead time of each of its precursors that a failover followed
 * @param unconfirmed precursors that no failover followed
 */
public record InstanceSummary(
    Map<String, KindCount> precursorsByKind,
    int incidents,
    List<Long> leadTimesMillis,
    int unconfirmed) {

  /** How many episodes of one kind, and the highest severity any reached. */
  public record KindCount(int episodes, String highestSeverity) {}
}
