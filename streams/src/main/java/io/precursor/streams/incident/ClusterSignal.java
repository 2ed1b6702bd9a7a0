package io.precursor.streams.incident;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.FailoverPrecursor;

/**
 * A precursor or an RDS event, re-keyed by cluster so failovers meet the precursors of every
 * instance of their cluster.
 */
public record ClusterSignal(PrecursorRef precursor, FailoverEvent event, PrecursorDetail detail) {

  public ClusterSignal(PrecursorRef precursor, FailoverEvent event) {
    this(precursor, event, null);
  }

  /** What a precursor said, so it can be announced again once its confirmation is known. */
  public record PrecursorDetail(
      String cluster, long windowStart, long windowEnd, String summary, String hint) {}

  /** The parts of a precursor an incident links to. */
  public record PrecursorRef(
      String id, String kind, String severity, String instance, long detectedAt) {}

  /** The parts of an RDS event that open or close an incident. */
  public record FailoverEvent(
      String kind, long time, String message, String cluster, String instance) {}

  public static ClusterSignal of(FailoverPrecursor p) {
    return new ClusterSignal(
        new PrecursorRef(
            p.getId(),
            p.getKind().name(),
            p.getSeverity().name(),
            p.getInstance(),
            p.getDetectedAt().toEpochMilli()),
        null,
        new PrecursorDetail(
            p.getCluster(),
            p.getWindowStart().toEpochMilli(),
            p.getWindowEnd().toEpochMilli(),
            p.getSummary(),
            p.getHint()));
  }

  public static ClusterSignal of(DbEvent e) {
    return new ClusterSignal(
        null,
        new FailoverEvent(
            e.getKind().name(),
            e.getTime().toEpochMilli(),
            e.getMessage(),
            e.getCluster(),
            e.getInstance()));
  }

  /** The cluster a precursor belongs to; its instance when the cluster is unknown. */
  public static String clusterOf(FailoverPrecursor p) {
    return p.getCluster() != null ? p.getCluster() : p.getInstance();
  }

  /** The cluster an event is about. */
  public static String clusterOf(DbEvent e) {
    if (e.getCluster() != null) {
      return e.getCluster();
    }
    return e.getSourceId();
  }
}
