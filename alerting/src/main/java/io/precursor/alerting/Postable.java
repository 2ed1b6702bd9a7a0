package io.precursor.alerting;

import io.precursor.alerting.action.IdempotencyKey;
import io.precursor.alerting.route.AlertSubject;
import io.precursor.alerting.slack.SlackMessage;

/**
 * A precursor or incident alerting acts on: what routing sees, the revision worth a new message (a
 * precursor's severity, an incident's state) and the message.
 */
record Postable(AlertSubject subject, String revision, SlackMessage message) {

  /** The alert for one webhook, keyed so it is posted there once. */
  Alert to(String webhook) {
    return new Alert(subject.id(), IdempotencyKey.of(subject.id(), revision, webhook), message);
  }
}
