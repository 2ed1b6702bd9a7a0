package io.precursor.ingest.slowlog;

import java.util.Objects;

/**
 * Slow log text that could not be read as an entry (truncated, or a header line garbled), with the
 * reason, so the caller can set it aside on the dead-letter topic.
 */
public record GarbledSlowLogEntry(String reason, String text) implements SlowLogItem {

  public GarbledSlowLogEntry {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(text, "text");
  }
}
