package io.precursor.alerting.route;

import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.Severity;

/**
 * What routing rules look at in a precursor or an incident.
 *
 * @param id the precursor or incident id
 * @param kind a precursor kind's name, or {@link #INCIDENT}
 * @param severity the precursor's severity; an incident counts as {@link Severity#CRITICAL}
 * @param cluster the DB cluster, null for a plain RDS instance or when unknown
 * @param instance the DB instance, null when unknown
 */
public record AlertSubject(
    String id, String kind, Severity severity, String cluster, String instance) {

  /** The kind routing rules use for failover incidents. */
  public static final String INCIDENT = "INCIDENT";

  public static AlertSubject of(FailoverPrecursor precursor) {
    return new AlertSubject(
        precursor.getId(),
        precursor.getKind().name(),
        precursor.getSeverity(),
        precursor.getCluster(),
        precursor.getInstance());
  }

  // A failover is the event every precursor warns about: it ranks with the most severe.
  public static AlertSubject of(Incident incident) {
    return new AlertSubject(
        incident.getId(),
        INCIDENT,
        Severity.CRITICAL,
        incident.getCluster(),
        incident.getInstance());
  }
}
