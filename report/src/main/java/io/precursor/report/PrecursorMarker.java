package io.precursor.report;

import java.util.List;

/**
 * A precursor as the report marks it: its window and detection time on the charts, its incident and
 * lead time when a failover followed, and the fingerprints that took the most query time in its
 * window.
 *
 * @param incidentId the incident it led to, or {@code null} when unconfirmed
 * @param leadTimeMillis how long before the failover it was first detected, or {@code null}
 */
public record PrecursorMarker(
    String id,
    String kind,
    String severity,
    long windowStart,
    long windowEnd,
    long detectedAt,
    String summary,
    String hint,
    String incidentId,
    Long leadTimeMillis,
    List<FingerprintShare> topFingerprints) {

  /** Whether no failover followed it within the incident horizon. */
  public boolean unconfirmed() {
    return incidentId == null;
  }
}
