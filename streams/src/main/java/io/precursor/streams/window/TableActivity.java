package io.precursor.streams.window;

import java.util.TreeMap;

/** What the slow log shows happening to one table within a window. */
public final class TableActivity {

  private TreeMap<String, Long> entriesByKind = new TreeMap<>();
  private long rowsExamined;
  private long rowsWritten;
  private double maxQueryTimeSeconds;

  void add(InstanceSignal.SlowQuery query) {
    entriesByKind.merge(query.kind(), 1L, Long::sum);
    rowsExamined += query.rowsExamined();
    if (isWrite(query.kind())) {
      rowsWritten += query.rowsWritten();
    }
    maxQueryTimeSeconds = Math.max(maxQueryTimeSeconds, query.queryTimeSeconds());
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
