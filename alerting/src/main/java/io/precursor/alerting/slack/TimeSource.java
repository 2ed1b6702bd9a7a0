package io.precursor.alerting.slack;

import java.time.Duration;
import java.time.Instant;

/** The clock and the waiting the webhook client uses, injectable so tests never really wait. */
public interface TimeSource {

  /** The current instant. */
  Instant now();

  /** Waits for {@code duration}; a test double advances its clock instead. */
  void sleep(Duration duration) throws InterruptedException;

  /** The wall clock and real waiting. */
  static TimeSource system() {
    return new TimeSource() {
      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      }
    };
  }
}
