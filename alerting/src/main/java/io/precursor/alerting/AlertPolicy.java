package io.precursor.alerting;

import io.precursor.alerting.action.IdempotencyKey;
import io.precursor.alerting.slack.IncidentMessage;
import io.precursor.alerting.slack.PrecursorMessage;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.Severity;
import java.util.Optional;

/** Decides which precursors and incidents become a Slack alert, and builds it. */
final class AlertPolicy {

  private final Severity minimum;
  private final String target;

  AlertPolicy(Severity minimum, String target) {
    this.minimum = minimum;
    this.target = target;
  }

  /** The alert for a precursor at or above the minimum severity. */
  Optional<Alert> forPrecursor(FailoverPrecursor precursor) {
    if (precursor.getSeverity().ordinal() < minimum.ordinal()) {
      return Optional.empty();
    }
    return Optional.of(
        new Alert(
            precursor.getId(),
            IdempotencyKey.of(precursor, target),
            PrecursorMessage.of(precursor)));
  }

  /** The alert for an incident's lifecycle change. */
  Optional<Alert> forIncident(Incident incident) {
    return Optional.of(
        new Alert(
            incident.getId(), IdempotencyKey.of(incident, target), IncidentMessage.of(incident)));
  }
}
