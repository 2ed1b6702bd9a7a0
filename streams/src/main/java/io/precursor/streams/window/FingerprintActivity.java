package io.precursor.streams.window;

import java.util.List;

/** How one query fingerprint behaved within a window. */
public final class FingerprintActivity {

  private String fingerprint;
  private long fingerprintHash;
  private String kind;
  private List<String> tables;
  private long count;
  private long rowsExamined;
  private long rowsWritten;
  private double maxQueryTimeSeconds;
  private int largestInList;

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
    maxQueryTimeSeconds = Math.max(maxQueryTimeSeconds, query.queryTimeSeconds());
    largestInList = Math.max(largestInList, query.largestInList());
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

  public long rowsWritten() {
    return rowsWritten;
  }

  public double maxQueryTimeSeconds() {
    return maxQueryTimeSeconds;
  }

  public int largestInList() {
    return largestInList;
  }
}
