package io.precursor.ingest.slowlog;

/**
 * What the slow query parser found at one position of a log event: an entry, or text that should
 * have been an entry and could not be read.
 */
public sealed interface SlowLogItem permits SlowLogEntry, GarbledSlowLogEntry {

  /** The item's lines exactly as they were in the log event. */
  String text();
}
