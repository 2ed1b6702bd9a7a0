package io.precursor.ingest;

import io.precursor.schemas.DeadLetter;
import io.precursor.topics.KafkaSecurityConfig;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes ingest's records with an idempotent producer, each with its event time as the Kafka
 * timestamp; {@link #awaitAcknowledged()} tells when everything published so far is safely written,
 * and {@link #send} hands back each record's acknowledgement, so a Kinesis checkpoint or a file
 * position can advance only then. Safe to use from several threads.
 */
public final class IngestPublisher implements IngestSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPublisher.class);

  private final Producer<byte[], byte[]> producer;
  private final Topics topics;
  // The first refusal of a record publish() or deadLetter() sent that awaitAcknowledged() has not
  // reported yet. No future is kept per record: a replay publishes tens of millions of them.
  private final AtomicReference<Exception> refused = new AtomicReference<>();
  private final Callback rememberRefusal =
      (metadata, e) -> {
        if (e != null) {
          refused.compareAndSet(null, e);
        }
      };
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();

  public IngestPublisher(IngestConfig config, Topics topics) {
    this(
        new KafkaProducer<>(
            producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer()),
        topics);
  }

  /** The producer's settings: the Kafka security settings given, then ingest's own. */
  static Map<String, Object> producerProperties(IngestConfig config) {
    Map<String, Object> props =
        new java.util.HashMap<>(KafkaSecurityConfig.clientProperties(config.originals()));
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, config.getString(IngestConfig.CLIENT_ID));
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // One batch in flight per partition: a batch refused while a new topic's leader settles
    // otherwise left the next ones out of sequence until they expired (seen in ReplayIT).
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    return props;
  }

  /** The producer this publisher sends with (for its client metrics). */
  public Producer<byte[], byte[]> producer() {
    return producer;
  }

  /** Publishes through {@code producer}, which this publisher then owns and closes. */
  public IngestPublisher(Producer<byte[], byte[]> producer, Topics topics) {
    this.producer = producer;
    this.topics = topics;
  }

  @Override
  public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
    send(topic, key, value, eventTime, rememberRefusal);
  }

  @Override
  public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
    sendDeadLetter(source, reason, error, raw, rememberRefusal);
  }

  /**
   * Sends one record and returns its acknowledgement, which {@link #awaitAcknowledged()} does not
   * wait for: the caller does.
   */
  public <V> Future<RecordMetadata> send(
      Topic<String, V> topic, String key, V value, Instant eventTime) {
    return send(topic, key, value, eventTime, null);
  }

  private <V> Future<RecordMetadata> send(
      Topic<String, V> topic, String key, V value, Instant eventTime, Callback callback) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
    Future<RecordMetadata> ack =
        producer.send(
            new ProducerRecord<>(topic.name(), null, eventTime.toEpochMilli(), k, v), callback);
    published.incrementAndGet();
    return ack;
  }

  /**
   * Sends input that could not be read to the ingest dead-letter topic and returns its
   * acknowledgement, which {@link #awaitAcknowledged()} does not wait for: the caller does.
   */
  public Future<RecordMetadata> sendDeadLetter(
      String source, String reason, Throwable error, byte[] raw) {
    return sendDeadLetter(source, reason, error, raw, null);
  }

  private Future<RecordMetadata> sendDeadLetter(
      String source, String reason, Throwable error, byte[] raw, Callback callback) {
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
    Future<RecordMetadata> ack = send(topic, source, letter, letter.getTime(), callback);
    deadLettered.incrementAndGet();
    return ack;
  }

  /**
   * Blocks until every record sent so far with {@link #publish} and {@link #deadLetter} is
   * acknowledged by the brokers.
   *
   * @throws IngestPublishException if any of them could not be written
   */
  public void awaitAcknowledged() {
    try {
      // Returns once every record sent before it has completed, its callback included.
      producer.flush();
    } catch (InterruptException e) {
      throw new IngestPublishException("interrupted while waiting for Kafka", e);
    }
    Exception e = refused.getAndSet(null);
    if (e != null) {
      throw new IngestPublishException("Kafka refused a record: " + e.getMessage(), e);
    }
  }

  public long published() {
    return published.get();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  /** Sends what is buffered, waits for it, and closes the producer. */
  @Override
  public void close() {
    producer.close();
  }

  /**
   * Closes the producer at once, dropping records not yet sent, as a crash would: their
   * acknowledgements fail, so their input is never checkpointed and is read again.
   */
  public void closeNow() {
    producer.close(Duration.ZERO);
  }
}
