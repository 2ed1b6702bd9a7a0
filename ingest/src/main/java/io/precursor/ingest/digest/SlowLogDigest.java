package io.precursor.ingest.digest;

import io.precursor.ingest.slowlog.GarbledSlowLogEntry;
import io.precursor.ingest.slowlog.QueryFingerprint;
import io.precursor.ingest.slowlog.SlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups slow log entries into query classes by fingerprint, as pt-query-digest does, and ranks the
 * classes by total Query_time. Memory grows with the number of classes, not of entries.
 */
public final class SlowLogDigest {

  /** Distinct reasons for unreadable entries kept; the rest are counted together. */
  private static final int MAX_REASONS = 20;

  private static final Comparator<QueryClassTotals> RANKING =
      Comparator.comparingDouble(QueryClassTotals::queryTimeSum)
          .reversed()
          .thenComparing(Comparator.comparingLong(QueryClassTotals::count).reversed())
          .thenComparing(QueryClassTotals::fingerprint);

  private final Map<String, QueryClassTotals> classes = new HashMap<>();
  private final EntryTotals totals = new EntryTotals();
  private final Tally unreadableReasons = new Tally(MAX_REASONS);
  private long unreadable;

  /**
   * Adds what the parser read, with the entry's own time and database, or {@code fallbackTime} when
   * it has no time.
   */
  public void add(SlowLogItem item, Instant fallbackTime) {
    if (item instanceof SlowLogEntry entry) {
      Instant time = entry.time() != null ? entry.time() : fallbackTime;
      add(entry, QueryFingerprint.textOf(entry.statement()), time, entry.database());
    } else if (item instanceof GarbledSlowLogEntry garbled) {
      addUnreadable(garbled.reason());
    }
  }

  /**
   * Adds an entry whose fingerprint, time and database are already known: computed on another
   * thread, or taken from the entries before it.
   *
   * @param fingerprint {@link QueryFingerprint#textOf} of the statement
   * @param time when the entry happened, null when unknown
   * @param database the database it ran in, null when unknown
   */
  public void add(SlowLogEntry entry, String fingerprint, Instant time, String database) {
    QueryClassTotals queryClass = classes.get(fingerprint);
    if (queryClass == null) {
      queryClass = new QueryClassTotals(fingerprint);
      classes.put(fingerprint, queryClass);
    }
    queryClass.add(entry, time, database);
    totals.add(entry, time);
  }

  /** Counts a piece of log that could not be read as an entry. */
  public void addUnreadable(String reason) {
    unreadable++;
    unreadableReasons.add(reason);
  }

  /** The report so far, with the {@code top} classes by total Query_time (all when 0). */
  public DigestReport report(int top) {
    if (top < 0) {
      throw new IllegalArgumentException("top must not be negative, was " + top);
    }
    List<QueryClassTotals> ranked = new ArrayList<>(classes.values());
    ranked.sort(RANKING);
    int shown = top == 0 ? ranked.size() : Math.min(top, ranked.size());
    return new DigestReport(
        totals.count(),
        unreadable,
        unreadableReasons.mostFrequentFirst(),
        classes.size(),
        totals.queryTime(),
        totals.lockTime(),
        totals.rowsSent(),
        totals.rowsExamined(),
        totals.firstSeen(),
        totals.lastSeen(),
        ranked.subList(0, shown).stream().map(QueryClassTotals::toQueryClass).toList());
  }
}
