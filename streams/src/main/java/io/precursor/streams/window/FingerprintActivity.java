package io.precursor.streams.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How one query fingerprint behaved within a window. */
public final class FingerprintActivity {

  /**
   * Executions whose run intervals are kept to count how many ran at once; the longest stay. Every
   * window update writes the window to its store, so this stays small.
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
  // [start, end] of executions, flattened, for the "running at once" count.
  private List<long[]> intervals = new ArrayList<>();

  FingerprintActivity() {}

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
      intervals.add(new long[] {query.startTime(), query.time()});
    }
    if (intervals.size() > MAX_INTERVALS) {
      // Short executions overlap least; dropping them keeps the count of long scans exact.
      long[] shortest = intervals.get(0);
      for (long[] interval : intervals) {
        if (interval[1] - interval[0] < shortest[1] - shortest[0]) {
          shortest = interval;
        }
      }
      intervals.remove(shortest);
    }
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
