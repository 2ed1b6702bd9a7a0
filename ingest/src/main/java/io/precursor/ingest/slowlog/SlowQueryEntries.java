package io.precursor.ingest.slowlog;

import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.logs.LogSource;
import io.precursor.schemas.SlowQueryEntry;
import java.util.LinkedHashMap;
import java.util.Objects;

/** Builds the {@link SlowQueryEntry} record of a parsed slow log entry. */
public final class SlowQueryEntries {

  private final SqlTextPolicy sqlText;

  public SlowQueryEntries(SqlTextPolicy sqlText) {
    this.sqlText = Objects.requireNonNull(sqlText, "sqlText");
  }

  /**
   * The record for the entry at {@code position} (0-based) among the items read from {@code event};
   * the position makes its event id unique, and an entry without a time of its own takes the
   * event's.
   *
   * @throws IllegalArgumentException when the source names no DB instance to key the record by
   */
  public SlowQueryEntry toRecord(
      SlowLogEntry entry, LogSource source, LogEvent event, int position) {
    if (!source.hasInstance()) {
      throw new IllegalArgumentException(
          "log group " + source.logGroup() + " names no DB instance");
    }
    QueryFingerprint fingerprint = QueryFingerprint.of(entry.statement());
    StatementAnatomy anatomy = StatementAnatomy.of(entry.statement());
    return SlowQueryEntry.newBuilder()
        .setInstance(source.instance())
        .setCluster(source.cluster())
        .setLogGroup(source.logGroup())
        .setEventId(event.entryId(position))
        .setEventTime(entry.time() != null ? entry.time() : event.time())
        .setUser(entry.user())
        .setHost(entry.host())
        .setThreadId(entry.threadId())
        .setDatabase(entry.database())
        .setQueryTimeSeconds(entry.queryTimeSeconds())
        .setLockTimeSeconds(entry.lockTimeSeconds())
        .setRowsSent(entry.rowsSent())
        .setRowsExamined(entry.rowsExamined())
        .setRowsAffected(entry.rowsAffected())
        .setStatementKind(anatomy.kind())
        .setTables(anatomy.tables())
        .setFingerprint(fingerprint.text())
        .setFingerprintHash(fingerprint.hash())
        .setLargestInList(anatomy.largestInList())
        .setCounters(new LinkedHashMap<>(entry.counters()))
        .setSqlText(sqlText.apply(entry.statement()))
        .build();
  }
}
