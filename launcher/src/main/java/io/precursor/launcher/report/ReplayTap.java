package io.precursor.launcher.report;

import io.precursor.ingest.IngestSink;
import io.precursor.report.ReplayObservations;
import io.precursor.topics.Topic;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sits between ingest and Kafka during a replay: counts what is published and how far in event time
 * it has got, for the progress bar, and hands every record to the report's observations.
 */
public final class ReplayTap {

  private final ReplayObservations observations;
  private final LongAdder published = new LongAdder();
  private final LongAdder kept = new LongAdder();
  private volatile long eventTime = Long.MIN_VALUE;

  public ReplayTap(ReplayObservations observations) {
    this.observations = observations;
  }

  /**
   * {@code target} counted: every record offered, before the replay's filter drops those outside
   * its window or scope, so the count matches what ingest read.
   */
  public IngestSink counting(IngestSink target) {
    return new IngestSink() {
      @Override
      public <V> void publish(Topic<String, V> topic, String key, V value, Instant time) {
        target.publish(topic, key, value, time);
        published.increment();
        long millis = time.toEpochMilli();
        if (millis > eventTime) {
          eventTime = millis;
        }
      }

      @Override
      public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
        target.deadLetter(source, reason, error, raw);
      }
    };
  }

  /**
   * {@code target} observed for the report: put it after the filter, so it sees what Kafka does.
   */
  public IngestSink observing(IngestSink target) {
    return new IngestSink() {
      @Override
      public <V> void publish(Topic<String, V> topic, String key, V value, Instant time) {
        target.publish(topic, key, value, time);
        observations.observe(value, time);
        kept.increment();
      }

      @Override
      public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
        target.deadLetter(source, reason, error, raw);
      }
    };
  }

  /** Records offered so far, kept or not. */
  public long published() {
    return published.sum();
  }

  /** Records that passed the filter into the replay's topics. */
  public long kept() {
    return kept.sum();
  }

  /** The latest event time published so far, or {@link Long#MIN_VALUE} before the first. */
  public long eventTime() {
    return eventTime;
  }
}
