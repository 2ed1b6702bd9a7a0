package io.precursor.ingest.metrics;

import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.IngestSink;
import io.precursor.topics.Topic;
import java.time.Instant;

/**
 * Where a poller hands its records, and how it learns they are safely written before it moves its
 * position on. One per poller thread: the publisher behind it is not shared between threads.
 */
public interface PollOutput extends IngestSink {

  /**
   * Blocks until everything published so far is acknowledged.
   *
   * @throws io.precursor.ingest.IngestPublishException if any of it could not be written
   */
  void awaitAcknowledged();

  /** Publishes through {@code publisher}, Kafka's acknowledgement included. */
  static PollOutput of(IngestPublisher publisher) {
    return new PollOutput() {
      @Override
      public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
        publisher.publish(topic, key, value, eventTime);
      }

      @Override
      public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
        publisher.deadLetter(source, reason, error, raw);
      }

      @Override
      public void awaitAcknowledged() {
        publisher.awaitAcknowledged();
      }
    };
  }
}
