package io.precursor.ingest.digest;

import java.time.Instant;
import java.util.Objects;

/**
 * A piece of slow log text holding one entry or a few, as a log file or a CloudWatch Logs event
 * gives it, with the time to use for entries that carry none.
 *
 * @param stream where consecutive entries come from, so a database named by {@code use} carries
 *     over to the entries after it: the log stream (DB instance) of a CloudWatch event, the file
 *     name for a log file
 * @param fallbackTime the CloudWatch event's timestamp; null for a log file
 */
public record SlowLogText(String text, String stream, Instant fallbackTime) {

  public SlowLogText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(stream, "stream");
  }
}
