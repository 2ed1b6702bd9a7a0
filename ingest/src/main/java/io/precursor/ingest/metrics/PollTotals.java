package io.precursor.ingest.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of a poller's polls, readable from any thread (the reports hold one poll). */
public final class PollTotals {

  private final AtomicLong received = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong duplicatesDropped = new AtomicLong();
  private final AtomicLong throttles = new AtomicLong();
  private final AtomicLong serverErrors = new AtomicLong();
  private final AtomicLong lagMillis = new AtomicLong(-1);

  void add(
      long received,
      long published,
      long duplicatesDropped,
      long throttles,
      long serverErrors,
      Optional<Duration> lag) {
    this.received.addAndGet(received);
    this.published.addAndGet(published);
    this.duplicatesDropped.addAndGet(duplicatesDropped);
    this.throttles.addAndGet(throttles);
    this.serverErrors.addAndGet(serverErrors);
    lag.ifPresent(l -> lagMillis.set(l.toMillis()));
  }

  /** Adds one RDS event poll. */
  public void add(io.precursor.ingest.events.EventPollReport report) {
    add(
        report.received(),
        report.published(),
        report.duplicatesDropped(),
        report.throttles(),
        report.serverErrors(),
        Optional.empty());
  }

  /** Datapoints or events AWS returned. */
  public long received() {
    return received.get();
  }

  /** Records published to Kafka. */
  public long published() {
    return published.get();
  }

  /** Datapoints or events dropped because they were already published unchanged. */
  public long duplicatesDropped() {
    return duplicatesDropped.get();
  }

  /** Calls AWS throttled, retried. */
  public long throttles() {
    return throttles.get();
  }

  /** Calls that failed with a 5xx or could not connect, retried. */
  public long serverErrors() {
    return serverErrors.get();
  }

  /** Time from the newest datapoint read to its poll, last known; -1 before any. */
  public long lagMillis() {
    return lagMillis.get();
  }
}
