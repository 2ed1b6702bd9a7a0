package io.precursor.alerting;

import io.precursor.alerting.slack.DeliveryOutcome;

/**
 * An alert Slack accepted, handed to {@link AlertingService#onDelivered} listeners.
 *
 * @param alert what was posted
 * @param outcome attempts it took
 */
public record DeliveredAlert(Alert alert, DeliveryOutcome outcome) {}
