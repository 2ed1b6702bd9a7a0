package io.precursor.ingest.digest;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a digest of slow log entries found: totals over every entry, and the query classes ranked by
 * total Query_time, the top ones only.
 *
 * @param entries slow log entries read
 * @param unreadable pieces of log that could not be read as an entry (truncated, garbled)
 * @param unreadableReasons how many unreadable pieces had each reason, most frequent first
 * @param classCount distinct fingerprints among all entries, not only the ranked ones
 * @param firstSeen the earliest entry time, null when no entry had one
 * @param top the classes with the largest total Query_time, largest first
 */
public record DigestReport(
    long entries,
    long unreadable,
    Map<String, Long> unreadableReasons,
    long classCount,
    DurationSummary queryTime,
    DurationSummary lockTime,
    RowSummary rowsSent,
    RowSummary rowsExamined,
    Instant firstSeen,
    Instant lastSeen,
    List<QueryClass> top) {

  public DigestReport {
    unreadableReasons = Collections.unmodifiableMap(new LinkedHashMap<>(unreadableReasons));
    top = List.copyOf(top);
  }
}
