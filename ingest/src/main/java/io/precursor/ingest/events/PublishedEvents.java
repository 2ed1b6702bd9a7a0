package io.precursor.ingest.events;

import io.precursor.ingest.metrics.PublishedRecords;
import io.precursor.schemas.DbEvent;
import io.precursor.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads back the {@link DbEvent}s already on the db-events topic from a given time on, so a
 * restarted event poller knows where it stopped.
 */
public final class PublishedEvents {

  private final PublishedRecords<DbEvent> records;
  private final String topicName;

  public PublishedEvents(String bootstrapServers, Topic<String, DbEvent> topic, Duration timeout) {
    this(bootstrapServers, Map.of(), topic, timeout);
  }

  /**
   * Reads with the Kafka security settings among {@code settings} ({@link
   * io.precursor.topics.KafkaSecurityConfig}).
   */
  public PublishedEvents(
      String bootstrapServers, Map<?, ?> settings, Topic<String, DbEvent> topic, Duration timeout) {
    this.records = new PublishedRecords<>(bootstrapServers, settings, topic, timeout);
    this.topicName = topic.name();
  }

  /**
   * The events whose record timestamp (their event time) is at or after {@code since}.
   *
   * @throws IllegalStateException when the end of the topic is not reached within the timeout
   */
  public List<DbEvent> since(Instant since) {
    return records.since(since);
  }

  @Override
  public String toString() {
    return topicName;
  }
}
