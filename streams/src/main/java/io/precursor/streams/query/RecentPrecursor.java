package io.precursor.streams.query;

import io.precursor.schemas.FailoverPrecursor;

/** What the query endpoint shows of one emitted precursor record. */
public record RecentPrecursor(
    String id,
    String kind,
    String severity,
    String instance,
    String cluster,
    long windowStart,
    long windowEnd,
    long detectedAt,
    String summary,
    String hint) {

  static RecentPrecursor of(FailoverPrecursor p) {
    return new RecentPrecursor(
        p.getId(),
        p.getKind().name(),
        p.getSeverity().name(),
        p.getInstance(),
        p.getCluster(),
        p.getWindowStart().toEpochMilli(),
        p.getWindowEnd().toEpochMilli(),
        p.getDetectedAt().toEpochMilli(),
        p.getSummary(),
        p.getHint());
  }
}
