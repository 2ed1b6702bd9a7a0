package io.precursor.streams.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** How one query fingerprint behaved within a window. */
public final class FingerprintActivity {

  /**
   * Executions whose run intervals are kept to count how many ran at once; the longest stay. Every
   * update writes its pane to the window store, so this stays small.
   */
  static final int MAX_INTERVALS = 32;

  /** Executions reading fewer rows are not scans worth counting, and their intervals not kept. */
  static final long MIN_ROWS_FOR_INTERVAL = 10_000;

  private String fingerprint;
  private long fingerprintHash;
  private String kind;
  private List<String> tables;
  private long count;
  private long rowsExamined;
  private long rowsWritten;
  private long maxRowsWritten;
  private double maxQueryTimeSeconds;
  private int largestInList;
  // [start, end] of executions for the "running at once" count, in LONGEST_FIRST order.
  private List<long[]> intervals = new ArrayList<>();

  /**
   * Longest first, then earliest start: a total order in which only equal intervals tie, so the
   * {@value #MAX_INTERVALS} kept are the same whatever order the executions came in, and keeping
   * them of a window's panes keeps them of the whole window.
   */
  private static final Comparator<long[]> LONGEST_FIRST =
      Comparator.<long[]>comparingLong(i -> i[0] - i[1]).thenComparingLong(i -> i[0]);

  FingerprintActivity() {}

  /** As read back from the window store. */
  FingerprintActivity(
      String fingerprint,
      long fingerprintHash,
      String kind,
      List<String> tables,
      long count,
      long rowsExamined,
      long rowsWritten,
      long maxRowsWritten,
      double maxQueryTimeSeconds,
      int largestInList,
      List<long[]> intervals) {
    this.fingerprint = fingerprint;
    this.fingerprintHash = fingerprintHash;
    this.kind = kind;
    this.tables = tables;
    this.count = count;
    this.rowsExamined = rowsExamined;
    this.rowsWritten = rowsWritten;
    this.maxRowsWritten = maxRowsWritten;
    this.maxQueryTimeSeconds = maxQueryTimeSeconds;
    this.largestInList = largestInList;
    // Panes stored before the intervals were kept in order (the order is not in the format).
    intervals.sort(LONGEST_FIRST);
    this.intervals = intervals;
  }

  FingerprintActivity(InstanceSignal.SlowQuery query) {
    this.fingerprint = query.fingerprint();
    this.fingerprintHash = query.fingerprintHash();
    this.kind = query.kind();
    this.tables = query.tables();
  }

  void add(InstanceSignal.SlowQuery query) {
    count++;
    rowsExamined += query.rowsExamined();
    rowsWritten += query.rowsWritten();
    maxRowsWritten = Math.max(maxRowsWritten, query.rowsWritten());
    maxQueryTimeSeconds = Math.max(maxQueryTimeSeconds, query.queryTimeSeconds());
    largestInList = Math.max(largestInList, query.largestInList());
    if (query.rowsExamined() >= MIN_ROWS_FOR_INTERVAL) {
      keep(new long[] {query.startTime(), query.time()});
    }
  }

  /**
   * Adds what {@code other} (the same fingerprint, seen in another pane of time) saw, as if its
   * executions had been added here.
   */
  void absorb(FingerprintActivity other) {
    count += other.count;
    rowsExamined += other.rowsExamined;
    rowsWritten += other.rowsWritten;
    maxRowsWritten = Math.max(maxRowsWritten, other.maxRowsWritten);
    maxQueryTimeSeconds = Math.max(maxQueryTimeSeconds, other.maxQueryTimeSeconds);
    largestInList = Math.max(largestInList, other.largestInList);
    for (long[] interval : other.intervals) {
      keep(interval.clone());
    }
  }

  /** A copy to merge into, so the pane it came from stays as stored. */
  FingerprintActivity copy() {
    FingerprintActivity copy = new FingerprintActivity();
    copy.fingerprint = fingerprint;
    copy.fingerprintHash = fingerprintHash;
    copy.kind = kind;
    copy.tables = tables;
    copy.absorb(this);
    return copy;
  }

  /** Adds the interval in its place, if it is among the longest; the shortest beyond go. */
  private void keep(long[] interval) {
    int at = Collections.binarySearch(intervals, interval, LONGEST_FIRST);
    if (at < 0) {
      at = -at - 1;
    }
    if (at >= MAX_INTERVALS) {
      return; // short executions overlap least; dropping them keeps the count of long scans exact
    }
    intervals.add(at, interval);
    if (intervals.size() > MAX_INTERVALS) {
      intervals.remove(intervals.size() - 1);
    }
  }

  /** The kept [start, end] run intervals, for the window store. */
  List<long[]> intervals() {
    return intervals;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public long fingerprintHash() {
    return fingerprintHash;
  }

  public String kind() {
    return kind;
  }

  public List<String> tables() {
    return tables;
  }

  public long count() {
    return count;
  }

  public long rowsExamined() {
    return rowsExamined;
  }

  /** Rows examined by an average execution in the window. */
  public double rowsExaminedPerExecution() {
    return count == 0 ? 0 : rowsExamined / (double) count;
  }

  public long rowsWritten() {
    return rowsWritten;
  }

  /** Rows written by the largest single statement in the window. */
  public long maxRowsWritten() {
    return maxRowsWritten;
  }

  public double maxQueryTimeSeconds() {
    return maxQueryTimeSeconds;
  }

  public int largestInList() {
    return largestInList;
  }

  /** The most executions of this fingerprint that were running at the same instant. */
  public int maxConcurrent() {
    int n = intervals.size();
    long[] starts = new long[n];
    long[] ends = new long[n];
    for (int i = 0; i < n; i++) {
      starts[i] = intervals.get(i)[0];
      ends[i] = intervals.get(i)[1];
    }
    Arrays.sort(starts);
    Arrays.sort(ends);
    int running = 0;
    int most = 0;
    int e = 0;
    for (long start : starts) {
      // An execution that ended exactly when another started did not overlap it.
      while (e < n && ends[e] <= start) {
        running--;
        e++;
      }
      running++;
      most = Math.max(most, running);
    }
    return most;
  }
}
