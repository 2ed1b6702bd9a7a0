package io.precursor.streams.window;

/**
 * What one evaluation read of an instance's window and baselines: which metrics, whether its slow
 * queries or its error log, or anything that every signal changes. A rule's finding is a function
 * of what it read, so a later signal that touches none of it leaves the finding as it was.
 */
public final class WindowReads {

  /** Flags: fingerprints, tables or a fingerprint's baseline. */
  public static final int SLOW_QUERIES = 1;

  /** Flags: error-log counts or deadlock tables. */
  public static final int ERROR_LOG = 2;

  /** Flags: something every signal may change, such as the window's last event time or cluster. */
  public static final int EVERYTHING = 4;

  private final MetricBits bits;
  private long metrics;
  private int flags;

  public WindowReads(MetricBits bits) {
    this.bits = bits;
  }

  /** Starts noting afresh. */
  public void clear() {
    metrics = 0;
    flags = 0;
  }

  /** A metric's datapoints, or its baseline. */
  public void metric(String name) {
    metrics |= 1L << bits.indexOf(name);
  }

  public void slowQueries() {
    flags |= SLOW_QUERIES;
  }

  public void errorLog() {
    flags |= ERROR_LOG;
  }

  public void everything() {
    flags |= EVERYTHING;
  }

  /** The metrics read, one {@link MetricBits} bit each. */
  public long metrics() {
    return metrics;
  }

  public int flags() {
    return flags;
  }
}
