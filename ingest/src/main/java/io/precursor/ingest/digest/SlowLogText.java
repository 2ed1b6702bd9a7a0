package io.precursor.ingest.digest;

import java.time.Instant;
import java.util.Objects;

/**
 * A piece of slow log text holding one entry or a few, as a log file or a CloudWatch Logs event
 * gives it, with the time to use for entries that carry none.
 *
 * @param fallbackTime the CloudWatch event's timestamp; null for a log file
 */
public record SlowLogText(String text, Instant fallbackTime) {

  public SlowLogText {
    Objects.requireNonNull(text, "text");
  }
}
