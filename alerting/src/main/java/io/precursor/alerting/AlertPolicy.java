package io.precursor.alerting;

import io.precursor.alerting.route.AlertSubject;
import io.precursor.alerting.slack.IncidentMessage;
import io.precursor.alerting.slack.PrecursorMessage;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.Severity;
import java.util.Optional;

/** Decides which precursors and incidents are posted at all, and builds their message. */
final class AlertPolicy {

  private final Severity minimum;

  AlertPolicy(Severity minimum) {
    this.minimum = minimum;
  }

  /** The postable form of a precursor at or above the minimum severity. */
  Optional<Postable> forPrecursor(FailoverPrecursor precursor) {
    if (precursor.getSeverity().ordinal() < minimum.ordinal()) {
      return Optional.empty();
    }
    // A precursor is posted again only when its severity rises.
    return Optional.of(
        new Postable(
            AlertSubject.of(precursor),
            precursor.getSeverity().name(),
            PrecursorMessage.of(precursor)));
  }

  /** The postable form of an incident's lifecycle change, posted once per state. */
  Optional<Postable> forIncident(Incident incident) {
    return Optional.of(
        new Postable(
            AlertSubject.of(incident), incident.getState().name(), IncidentMessage.of(incident)));
  }
}
