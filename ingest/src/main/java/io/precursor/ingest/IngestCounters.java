package io.precursor.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** What ingest has read and where it went, for progress lines and (later) metrics. */
public final class IngestCounters {

  final AtomicLong records = new AtomicLong();
  final AtomicLong controlMessages = new AtomicLong();
  final AtomicLong slowQueries = new AtomicLong();
  final AtomicLong errorLines = new AtomicLong();
  final AtomicLong ignoredEvents = new AtomicLong();
  final AtomicLong metrics = new AtomicLong();
  final AtomicLong dbEvents = new AtomicLong();
  final AtomicLong deadLetters = new AtomicLong();

  public long records() {
    return records.get();
  }

  public long controlMessages() {
    return controlMessages.get();
  }

  public long slowQueries() {
    return slowQueries.get();
  }

  public long errorLines() {
    return errorLines.get();
  }

  public long ignoredEvents() {
    return ignoredEvents.get();
  }

  public long metrics() {
    return metrics.get();
  }

  public long dbEvents() {
    return dbEvents.get();
  }

  public long deadLetters() {
    return deadLetters.get();
  }

  @Override
  public String toString() {
    return String.format(
        "%d records: %d slow queries, %d error-log lines, %d metric datapoints, %d RDS events,"
            + " %d ignored log events, %d control messages, %d dead letters",
        records(),
        slowQueries(),
        errorLines(),
        metrics(),
        dbEvents(),
        ignoredEvents(),
        controlMessages(),
        deadLetters());
  }
}
