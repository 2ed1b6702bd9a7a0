package io.precursor.alerting.action;

import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;

/**
 * The key that names one alert so it is sent once: the subject, the revision worth a new message (a
 * precursor's severity, an incident's state) and the target.
 */
public final class IdempotencyKey {

  private IdempotencyKey() {}

  /** A precursor is posted again only when its severity rises. */
  public static String of(FailoverPrecursor precursor, String target) {
    return join(precursor.getId(), precursor.getSeverity().name(), target);
  }

  /** An incident is posted once per lifecycle state. */
  public static String of(Incident incident, String target) {
    return join(incident.getId(), incident.getState().name(), target);
  }

  /** The key of posting {@code subjectId} at {@code revision} to {@code target}. */
  public static String of(String subjectId, String revision, String target) {
    return join(subjectId, revision, target);
  }

  private static String join(String subjectId, String revision, String target) {
    return subjectId + "|" + revision + "|" + target;
  }
}
