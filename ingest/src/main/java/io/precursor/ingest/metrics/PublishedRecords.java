package io.precursor.ingest.metrics;

import io.precursor.topics.KafkaSecurityConfig;
import io.precursor.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back what a poller already published on its topic from a given time on, so a restarted
 * poller knows where it stopped and what not to publish again. It assigns every partition itself
 * and commits nothing: no consumer group is involved.
 *
 * @param <V> the topic's values
 */
public final class PublishedRecords<V> {

  private static final Logger LOG = LoggerFactory.getLogger(PublishedRecords.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final String bootstrapServers;
  private final Map<String, Object> security;
  private final Topic<String, V> topic;
  private final Duration timeout;

  /**
   * Reads with the Kafka security settings among {@code settings} ({@link KafkaSecurityConfig}).
   */
  public PublishedRecords(
      String bootstrapServers, Map<?, ?> settings, Topic<String, V> topic, Duration timeout) {
    this.security = KafkaSecurityConfig.clientProperties(settings);
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * The values whose record timestamp (their event time) is at or after {@code since}, in offset
   * order per partition, up to the end of each partition as it was when the read began; unreadable
   * records are logged and skipped.
   *
   * @throws IllegalStateException when the end is not reached within the timeout
   */
  public List<V> since(Instant since) {
    Map<String, Object> config = new HashMap<>(security);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "precursor-poll-position");
    List<V> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), timeout);
      for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
      if (partitions.isEmpty()) {
        return values;
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      Map<TopicPartition, Long> at = new HashMap<>();
      partitions.forEach(p -> at.put(p, since.toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(at, timeout);
      Map<TopicPartition, Long> remaining = new HashMap<>();
      for (TopicPartition partition : partitions) {
        OffsetAndTimestamp start = starts.get(partition);
        long end = ends.getOrDefault(partition, 0L);
        if (start == null || start.offset() >= end) {
          consumer.seek(partition, end);
        } else {
          consumer.seek(partition, start.offset());
          remaining.put(partition, end);
        }
      }
      Deserializer<V> deserializer = topic.valueSerde().deserializer();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!remaining.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read "
                  + topic.name()
                  + " to its end within "
                  + timeout
                  + ": "
                  + remaining);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          Long end = remaining.get(partition);
          if (end == null || record.offset() >= end) {
            continue;
          }
          if (record.timestamp() >= since.toEpochMilli()) {
            read(deserializer, record).ifPresent(values::add);
          }
        }
        remaining.keySet().removeIf(p -> consumer.position(p) >= remaining.get(p));
      }
    }
    return values;
  }

  private static <V> Optional<V> read(
      Deserializer<V> deserializer, ConsumerRecord<byte[], byte[]> record) {
    try {
      return Optional.ofNullable(deserializer.deserialize(record.topic(), record.value()));
    } catch (RuntimeException e) {
      LOG.warn(
          "skipping unreadable record {}-{}@{} while reading back what was published: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return topic.name();
  }
}
