package io.precursor.ingest.logs;

import java.time.Instant;
import java.util.Objects;

/**
 * One CloudWatch Logs event: its id (a long numeric string, kept as text), its timestamp in epoch
 * milliseconds and its message.
 */
public record LogEvent(String id, long timestamp, String message) {

  public LogEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The deduplication key of the entry at {@code position} (0-based) among those read from this
   * event: the event id for the first, {@code <id>#<n>} for the n-th after it.
   */
  public String entryId(int position) {
    if (position < 0) {
      throw new IllegalArgumentException("position must not be negative, was " + position);
    }
    return position == 0 ? id : id + "#" + position;
  }

  /** The CloudWatch timestamp as an instant. */
  public Instant time() {
    return Instant.ofEpochMilli(timestamp);
  }
}
