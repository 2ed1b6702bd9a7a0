package io.precursor.alerting.snapshot;

import io.precursor.alerting.route.AlertSubject;

/**
 * One snapshot to take because of a precursor or incident.
 *
 * @param subjectId the precursor or incident id
 * @param kind the precursor kind, or INCIDENT
 * @param scope a cluster snapshot (Aurora) or an instance snapshot (plain RDS)
 * @param resource the DB cluster or instance identifier
 * @param identifier the snapshot identifier, derived from {@code subjectId}
 */
public record SnapshotRequest(
    String subjectId, String kind, Scope scope, String resource, String identifier) {

  /** What is snapshotted. */
  public enum Scope {
    /** An Aurora cluster: CreateDBClusterSnapshot. */
    CLUSTER,
    /** A plain RDS instance: CreateDBSnapshot. */
    INSTANCE
  }

  /**
   * The snapshot for {@code subject}: of its cluster when it has one (Aurora instances are
   * snapshotted at cluster level), else of its instance; empty when it names neither.
   */
  public static java.util.Optional<SnapshotRequest> of(AlertSubject subject) {
    String identifier = SnapshotIdentifier.of(subject.id());
    if (subject.cluster() != null && !subject.cluster().isBlank()) {
      return java.util.Optional.of(
          new SnapshotRequest(
              subject.id(), subject.kind(), Scope.CLUSTER, subject.cluster(), identifier));
    }
    if (subject.instance() != null && !subject.instance().isBlank()) {
      return java.util.Optional.of(
          new SnapshotRequest(
              subject.id(), subject.kind(), Scope.INSTANCE, subject.instance(), identifier));
    }
    return java.util.Optional.empty();
  }

  /** Names the snapshot so it is requested once, whatever the restarts. */
  public String idempotencyKey() {
    return subjectId + "|SNAPSHOT|" + identifier;
  }
}
