package io.precursor.ingest;

import io.precursor.schemas.DeadLetter;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes ingest's records with an idempotent producer, each with its event time as the Kafka
 * timestamp; {@link #awaitAcknowledged()} tells when everything sent so far is safely written, so a
 * Kinesis checkpoint or a file position can advance only then.
 */
public final class IngestPublisher implements IngestSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPublisher.class);

  private final KafkaProducer<byte[], byte[]> producer;
  private final Topics topics;
  private final List<Future<RecordMetadata>> pending = new ArrayList<>();
  private long published;
  private long deadLettered;

  public IngestPublisher(IngestConfig config, Topics topics) {
    this.topics = topics;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG,
                config.getString(IngestConfig.CLIENT_ID),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  @Override
  public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
    pending.add(
        producer.send(new ProducerRecord<>(topic.name(), null, eventTime.toEpochMilli(), k, v)));
    published++;
  }

  @Override
  public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
    LOG.warn("dead letter from {}: {}", source, reason);
    Topic<String, DeadLetter> topic = topics.deadLetters(Topics.Stage.INGEST);
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setStage(Topics.Stage.INGEST.id())
            .setSource(source)
            .setReason(reason)
            .setErrorClass(error == null ? null : error.getClass().getName())
            .setRaw(ByteBuffer.wrap(raw == null ? new byte[0] : raw))
            .setTime(Instant.now())
            .build();
    publish(topic, source, letter, letter.getTime());
    deadLettered++;
  }

  /**
   * Blocks until every record sent so far is acknowledged by the brokers.
   *
   * @throws IngestPublishException if any of them could not be written
   */
  public void awaitAcknowledged() {
    producer.flush();
    try {
      for (Future<RecordMetadata> ack : pending) {
        ack.get();
      }
    } catch (ExecutionException e) {
      throw new IngestPublishException("Kafka refused a record: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestPublishException("interrupted while waiting for Kafka", e);
    } finally {
      pending.clear();
    }
  }

  public long published() {
    return published;
  }

  public long deadLettered() {
    return deadLettered;
  }

  @Override
  public void close() {
    producer.close();
  }
}
