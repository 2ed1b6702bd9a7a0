package io.precursor.ingest.slowlog;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One MySQL slow query log entry as written: its header values and its statement.
 *
 * @param time when the statement finished: {@code # Time}, else log_slow_extra's {@code End}, else
 *     {@code SET timestamp}; null when the entry says none of these
 * @param user the MySQL user of {@code # User@Host}, null when absent
 * @param host the client host, or its IP when the host name is empty; null when absent
 * @param threadId {@code Id} of {@code # User@Host}, else {@code Thread_id}; null when absent
 * @param database from {@code use db;}, else {@code Schema}; null when the entry names none
 * @param rowsAffected {@code Rows_affected} (Percona, MariaDB), null when absent
 * @param counters the other numeric header values by their log name; {@code Yes}/{@code No} flags
 *     such as {@code Full_scan} count as 1/0
 * @param statement the SQL without its terminating {@code ;}, or {@code administrator command: X}
 * @param text the entry's lines exactly as they were in the log event
 */
public record SlowLogEntry(
    Instant time,
    String user,
    String host,
    Long threadId,
    String database,
    double queryTimeSeconds,
    double lockTimeSeconds,
    long rowsSent,
    long rowsExamined,
    Long rowsAffected,
    Map<String, Long> counters,
    String statement,
    String text)
    implements SlowLogItem {

  public SlowLogEntry {
    // Log order is kept so the same entry always serialises to the same bytes; most entries have
    // no counters, and share one empty map.
    counters =
        counters.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(text, "text");
  }

  /** Whether the entry records an administrator command (Quit, Ping, ...) rather than SQL. */
  public boolean isAdministratorCommand() {
    return statement.startsWith("administrator command: ");
  }
}
