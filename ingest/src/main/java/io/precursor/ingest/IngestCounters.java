package io.precursor.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What ingest has read and where it went, for progress lines and metrics. */
public final class IngestCounters {

  /** Why input went to the dead-letter topic, in a few bounded kinds (the full reason is on it). */
  public enum DeadLetterReason {
    /** A Kinesis record that is not a gzipped CloudWatch Logs subscription message. */
    UNREADABLE_RECORD(false),
    /** A slow-log or error-log event that does not parse. */
    UNPARSEABLE_LOG_EVENT(true),
    /** An RDS event (EventBridge or DescribeEvents) that does not parse. */
    UNPARSEABLE_DB_EVENT(true),
    /** An item of an AWS CLI export file that cannot be read. */
    UNREADABLE_EXPORT_ITEM(true),
    /** A bug met while reading: the record is set aside whole. */
    UNEXPECTED_FAILURE(false);

    private final boolean parseError;

    DeadLetterReason(boolean parseError) {
      this.parseError = parseError;
    }

    /** Whether the input arrived whole but its content could not be parsed. */
    public boolean parseError() {
      return parseError;
    }
  }

  final AtomicLong records = new AtomicLong();
  final AtomicLong controlMessages = new AtomicLong();
  final AtomicLong slowQueries = new AtomicLong();
  final AtomicLong errorLines = new AtomicLong();
  final AtomicLong ignoredEvents = new AtomicLong();
  final AtomicLong metrics = new AtomicLong();
  final AtomicLong dbEvents = new AtomicLong();
  final AtomicLong deadLetters = new AtomicLong();
  private final Map<DeadLetterReason, AtomicLong> deadLettersByReason =
      new EnumMap<>(DeadLetterReason.class);
  private final Map<String, Long> millisBehindLatestByShard = new ConcurrentHashMap<>();

  public IngestCounters() {
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      deadLettersByReason.put(reason, new AtomicLong());
    }
  }

  void countDeadLetter(DeadLetterReason reason) {
    deadLetters.incrementAndGet();
    deadLettersByReason.get(reason).incrementAndGet();
  }

  /** Dead letters set aside for {@code reason}. */
  public long deadLetters(DeadLetterReason reason) {
    return deadLettersByReason.get(reason).get();
  }

  /** Input that arrived whole but could not be parsed (a subset of the dead letters). */
  public long parseErrors() {
    long total = 0;
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      if (reason.parseError()) {
        total += deadLetters(reason);
      }
    }
    return total;
  }

  /** Records how far behind the tip of its shard the KCL's last batch was. */
  public void millisBehindLatest(String shardId, long millis) {
    millisBehindLatestByShard.put(shardId, millis);
  }

  /** Forgets a shard whose lease this worker no longer holds. */
  public void shardReleased(String shardId) {
    millisBehindLatestByShard.remove(shardId);
  }

  /** The furthest any held shard is behind its tip, empty before the first batch. */
  public OptionalLong maxMillisBehindLatest() {
    return millisBehindLatestByShard.values().stream().mapToLong(Long::longValue).max();
  }

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
