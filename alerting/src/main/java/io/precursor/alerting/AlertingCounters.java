package io.precursor.alerting;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the alerting stage did, readable from any thread. */
public final class AlertingCounters {

  private final AtomicLong read = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong duplicatesSkipped = new AtomicLong();
  private final AtomicLong belowSeverity = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

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
        + deadLettered();
  }
}
