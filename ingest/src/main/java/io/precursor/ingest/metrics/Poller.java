package io.precursor.ingest.metrics;

/**
 * One AWS poll that a {@link PollingService} runs again and again, reporting each poll.
 *
 * @param <R> what one poll reports
 */
public interface Poller<R> {

  /** Polls once; returns once Kafka acknowledged what it published. */
  R poll();

  /** The report of the last poll that completed, or null before the first. */
  R lastReport();

  /** What every poll so far did. */
  PollTotals totals();
}
