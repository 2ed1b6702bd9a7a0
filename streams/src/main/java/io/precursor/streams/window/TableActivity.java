package io.precursor.streams.window;

import java.util.TreeMap;

/** What the slow log shows happening to one table within a window. */
public final class TableActivity {

  private final TreeMap<String, Long> entriesByKind;
  private long rowsExamined;
  private long rowsWritten;
  private double maxQueryTimeSeconds;

  TableActivity() {
    this(new TreeMap<>(), 0, 0, 0);
  }

  /** As read back from the window store. */
  TableActivity(
      TreeMap<String, Long> entriesByKind,
      long rowsExamined,
      long rowsWritten,
      double maxQueryTimeSeconds) {
    this.entriesByKind = entriesByKind;
    this.rowsExamined = rowsExamined;
    this.rowsWritten = rowsWritten;
    this.maxQueryTimeSeconds = maxQueryTimeSeconds;
  }

  /** Entries by statement kind, for the window store. */
  TreeMap<String, Long> entriesByKind() {
    return entriesByKind;
  }

  void add(InstanceSignal.SlowQuery query) {
    entriesByKind.merge(query.kind(), 1L, Long::sum);
    rowsExamined += query.rowsExamined();
    if (isWrite(query.kind())) {
      rowsWritten += query.rowsWritten();
    }
    maxQueryTimeSeconds = Math.max(maxQueryTimeSeconds, query.queryTimeSeconds());
  }

  /** Adds what {@code other} saw, as if its entries had been added here. */
  void absorb(TableActivity other) {
    other.entriesByKind.forEach((kind, n) -> entriesByKind.merge(kind, n, Long::sum));
    rowsExamined += other.rowsExamined;
    rowsWritten += other.rowsWritten;
    maxQueryTimeSeconds = Math.max(maxQueryTimeSeconds, other.maxQueryTimeSeconds);
  }

  /** Entries of one statement kind (SELECT, DELETE, ...). */
  public long entries(String kind) {
    return entriesByKind.getOrDefault(kind, 0L);
  }

  /** DELETE, INSERT and REPLACE entries: the statements of a bulk rebuild. */
  public long bulkWriteEntries() {
    return entries("DELETE") + entries("INSERT") + entries("REPLACE");
  }

  public long rowsExamined() {
    return rowsExamined;
  }

  public long rowsWritten() {
    return rowsWritten;
  }

  public double maxQueryTimeSeconds() {
    return maxQueryTimeSeconds;
  }

  private static boolean isWrite(String kind) {
    return switch (kind) {
      case "INSERT", "UPDATE", "DELETE", "REPLACE" -> true;
      default -> false;
    };
  }
}
