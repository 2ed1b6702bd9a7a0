package io.precursor.ingest.digest;

import io.precursor.ingest.slowlog.SlowLogEntry;
import java.time.Instant;

/** How many slow log entries, how long they ran, how many rows, and when: a running total. */
final class EntryTotals {

  private static final double P95 = 0.95;

  private long count;
  private final TimeDistribution queryTimes = new TimeDistribution();
  private final TimeDistribution lockTimes = new TimeDistribution();
  private double queryTimeSum;
  private double queryTimeMax;
  private double lockTimeSum;
  private double lockTimeMax;
  private long rowsSentSum;
  private long rowsSentMax;
  private long rowsExaminedSum;
  private long rowsExaminedMax;
  private Instant firstSeen;
  private Instant lastSeen;

  /** Adds an entry that happened at {@code time} (null when unknown). */
  void add(SlowLogEntry entry, Instant time) {
    count++;
    double queryTime = entry.queryTimeSeconds();
    double lockTime = entry.lockTimeSeconds();
    queryTimes.add(queryTime);
    lockTimes.add(lockTime);
    queryTimeSum += queryTime;
    queryTimeMax = Math.max(queryTimeMax, queryTime);
    lockTimeSum += lockTime;
    lockTimeMax = Math.max(lockTimeMax, lockTime);
    rowsSentSum += entry.rowsSent();
    rowsSentMax = Math.max(rowsSentMax, entry.rowsSent());
    rowsExaminedSum += entry.rowsExamined();
    rowsExaminedMax = Math.max(rowsExaminedMax, entry.rowsExamined());
    if (time != null) {
      if (firstSeen == null || time.isBefore(firstSeen)) {
        firstSeen = time;
      }
      if (lastSeen == null || time.isAfter(lastSeen)) {
        lastSeen = time;
      }
    }
  }

  long count() {
    return count;
  }

  double queryTimeSum() {
    return queryTimeSum;
  }

  DurationSummary queryTime() {
    return new DurationSummary(
        queryTimeSum, average(queryTimeSum), queryTimes.percentile(P95), queryTimeMax);
  }

  DurationSummary lockTime() {
    return new DurationSummary(
        lockTimeSum, average(lockTimeSum), lockTimes.percentile(P95), lockTimeMax);
  }

  RowSummary rowsSent() {
    return new RowSummary(rowsSentSum, average(rowsSentSum), rowsSentMax);
  }

  RowSummary rowsExamined() {
    return new RowSummary(rowsExaminedSum, average(rowsExaminedSum), rowsExaminedMax);
  }

  Instant firstSeen() {
    return firstSeen;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  private double average(double sum) {
    return count == 0 ? 0 : sum / count;
  }
}
