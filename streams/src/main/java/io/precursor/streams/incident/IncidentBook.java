package io.precursor.streams.incident;

import io.precursor.streams.incident.ClusterSignal.PrecursorRef;
import java.util.ArrayList;
import java.util.List;

/** What the incident linker remembers of one cluster: recent precursors and the latest incident. */
public record IncidentBook(List<PrecursorRef> recent, OpenIncident latest) {

  /** The latest incident of the cluster and the precursors linked to it. */
  public record OpenIncident(
      String id,
      String state,
      long startedAt,
      Long completedAt,
      String message,
      String instance,
      List<PrecursorRef> linked) {}

  static IncidentBook empty() {
    return new IncidentBook(new ArrayList<>(), null);
  }
}
