package io.precursor.ingest.digest;

import io.precursor.ingest.slowlog.SlowLogEntry;
import io.precursor.ingest.slowlog.StatementAnatomy;
import io.precursor.schemas.StatementKind;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The running totals of one query class while a slow log is read. */
final class QueryClassTotals {

  /** Databases named per class; a class spread over more is one of a multi-tenant fleet. */
  private static final int MAX_DATABASES = 100;

  private final String fingerprint;
  private final EntryTotals totals = new EntryTotals();
  private final Tally databases = new Tally(MAX_DATABASES);
  private final Set<String> tables = new LinkedHashSet<>();
  private StatementKind kind;
  private String example;
  private double exampleQueryTime = -1;

  QueryClassTotals(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  void add(SlowLogEntry entry, Instant time, String database) {
    if (kind == null) {
      StatementAnatomy anatomy = StatementAnatomy.of(entry.statement());
      kind = anatomy.kind();
      tables.addAll(anatomy.tables());
    }
    totals.add(entry, time);
    if (database != null) {
      databases.add(database);
    }
    if (entry.queryTimeSeconds() > exampleQueryTime) {
      example = entry.statement();
      exampleQueryTime = entry.queryTimeSeconds();
    }
  }

  double queryTimeSum() {
    return totals.queryTimeSum();
  }

  long count() {
    return totals.count();
  }

  String fingerprint() {
    return fingerprint;
  }

  QueryClass toQueryClass() {
    return new QueryClass(
        QueryId.of(fingerprint),
        fingerprint,
        kind,
        totals.count(),
        totals.queryTime(),
        totals.lockTime(),
        totals.rowsSent(),
        totals.rowsExamined(),
        totals.firstSeen(),
        totals.lastSeen(),
        databases.mostFrequentFirst(),
        List.copyOf(tables),
        example,
        exampleQueryTime);
  }
}
