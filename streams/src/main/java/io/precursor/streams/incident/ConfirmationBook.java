package io.precursor.streams.incident;

import io.precursor.streams.incident.ClusterSignal.PrecursorDetail;
import io.precursor.streams.incident.ClusterSignal.PrecursorRef;
import java.util.List;

/**
 * What the confirmation tracker remembers of one cluster: precursors still waiting for a failover,
 * and when the cluster's latest failover started.
 */
public record ConfirmationBook(List<Pending> pending, Long lastFailoverAt) {

  /** A precursor no failover has followed yet. */
  public record Pending(PrecursorRef precursor, PrecursorDetail detail) {}
}
