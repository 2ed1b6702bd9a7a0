package io.precursor.alerting;

import io.precursor.alerting.slack.DeliveryOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the alerting stage did, readable from any thread. */
public final class AlertingCounters {

  private final AtomicLong read = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong duplicatesSkipped = new AtomicLong();
  private final AtomicLong belowSeverity = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong snapshotsTaken = new AtomicLong();
  private final AtomicLong snapshotsDryRun = new AtomicLong();
  private final AtomicLong snapshotsSkipped = new AtomicLong();
  private final AtomicLong snapshotsFailed = new AtomicLong();
  private final AtomicLong snapshotsDeferred = new AtomicLong();
  private final AtomicLong slackAttempts = new AtomicLong();
  private final Map<DeliveryOutcome.Status, AtomicLong> slackOutcomes =
      new EnumMap<>(DeliveryOutcome.Status.class);

  public AlertingCounters() {
    for (DeliveryOutcome.Status status : DeliveryOutcome.Status.values()) {
      slackOutcomes.put(status, new AtomicLong());
    }
  }

  /** HTTP posts to Slack, retries included. */
  public long slackAttempts() {
    return slackAttempts.get();
  }

  /** Slack posts that ended with {@code status}. */
  public long slackOutcomes(DeliveryOutcome.Status status) {
    return slackOutcomes.get(status).get();
  }

  void countSlackOutcome(DeliveryOutcome outcome) {
    slackAttempts.addAndGet(outcome.attempts());
    slackOutcomes.get(outcome.status()).incrementAndGet();
  }

  /** Records taken from the precursors and incidents topics. */
  public long recordsRead() {
    return read.get();
  }

  /** Alerts Slack accepted. */
  public long delivered() {
    return delivered.get();
  }

  /** Alerts Slack rejected or that could not be delivered within the retry bounds. */
  public long failed() {
    return failed.get();
  }

  /** Alerts not sent because their idempotency key was already done. */
  public long duplicatesSkipped() {
    return duplicatesSkipped.get();
  }

  /** Precursors under the minimum severity. */
  public long belowSeverity() {
    return belowSeverity.get();
  }

  /** Records set aside on the dead-letter topic. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** Snapshots RDS created, or had already (an earlier attempt made them). */
  public long snapshotsTaken() {
    return snapshotsTaken.get();
  }

  /** Snapshots recorded as a dry run, not requested. */
  public long snapshotsDryRun() {
    return snapshotsDryRun.get();
  }

  /** Snapshots a guard (allowlist, daily cap) refused. */
  public long snapshotsSkipped() {
    return snapshotsSkipped.get();
  }

  /** Snapshots RDS refused for good, or for longer than the retry bound. */
  public long snapshotsFailed() {
    return snapshotsFailed.get();
  }

  /** Times RDS refused a snapshot for now (e.g. failing over) and it was put off. */
  public long snapshotsDeferred() {
    return snapshotsDeferred.get();
  }

  void countSnapshot(io.precursor.schemas.ActionOutcome outcome) {
    switch (outcome) {
      case SUCCEEDED, ALREADY_DONE -> snapshotsTaken.incrementAndGet();
      case DRY_RUN -> snapshotsDryRun.incrementAndGet();
      case SKIPPED -> snapshotsSkipped.incrementAndGet();
      default -> snapshotsFailed.incrementAndGet();
    }
  }

  void countSnapshotDeferred() {
    snapshotsDeferred.incrementAndGet();
  }

  void countRead() {
    read.incrementAndGet();
  }

  void countDelivered() {
    delivered.incrementAndGet();
  }

  void countFailed() {
    failed.incrementAndGet();
  }

  void countDuplicate() {
    duplicatesSkipped.incrementAndGet();
  }

  void countBelowSeverity() {
    belowSeverity.incrementAndGet();
  }

  void countDeadLetter() {
    deadLettered.incrementAndGet();
  }

  @Override
  public String toString() {
    return "read="
        + recordsRead()
        + " delivered="
        + delivered()
        + " failed="
        + failed()
        + " duplicatesSkipped="
        + duplicatesSkipped()
        + " belowSeverity="
        + belowSeverity()
        + " deadLettered="
        + deadLettered()
        + " snapshotsTaken="
        + snapshotsTaken()
        + " snapshotsDryRun="
        + snapshotsDryRun()
        + " snapshotsSkipped="
        + snapshotsSkipped()
        + " snapshotsFailed="
        + snapshotsFailed();
  }
}
