package io.precursor.alerting.slack;

import java.util.Optional;

/**
 * How one post to a webhook ended.
 *
 * @param status delivered, rejected for good, or given up after retries
 * @param attempts HTTP attempts made, retries included
 * @param reason why it was not delivered (Slack's error string or the last error), free of the
 *     webhook URL; null when delivered
 */
public record DeliveryOutcome(Status status, int attempts, String reason) {

  /** The three ways a post ends. */
  public enum Status {
    /** Slack answered 2xx. */
    DELIVERED,
    /** Slack answered a 4xx other than 429: sending the same payload again cannot succeed. */
    REJECTED,
    /** Every attempt failed transiently (429, 5xx, timeout, connection) within the bounds. */
    GAVE_UP
  }

  public DeliveryOutcome {
    if ((status == Status.DELIVERED) != (reason == null)) {
      throw new IllegalArgumentException("a reason is given exactly when not delivered");
    }
  }

  static DeliveryOutcome delivered(int attempts) {
    return new DeliveryOutcome(Status.DELIVERED, attempts, null);
  }

  static DeliveryOutcome rejected(int attempts, String reason) {
    return new DeliveryOutcome(Status.REJECTED, attempts, reason);
  }

  static DeliveryOutcome gaveUp(int attempts, String reason) {
    return new DeliveryOutcome(Status.GAVE_UP, attempts, reason);
  }

  /** Whether Slack accepted the message. */
  public boolean delivered() {
    return status == Status.DELIVERED;
  }

  /** Whether the failure is permanent (a retry later would fail the same way). */
  public boolean permanent() {
    return status == Status.REJECTED;
  }

  /** The reason it was not delivered, if it was not. */
  public Optional<String> failureReason() {
    return Optional.ofNullable(reason);
  }
}
