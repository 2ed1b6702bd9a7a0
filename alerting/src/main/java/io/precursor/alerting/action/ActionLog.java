package io.precursor.alerting.action;

import io.precursor.schemas.ActionRecord;
import io.precursor.topics.Topic;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

/** Writes action records to the actions topic and waits until Kafka has them. */
public final class ActionLog {

  private final Producer<byte[], byte[]> producer;
  private final Topic<String, ActionRecord> actions;

  public ActionLog(Producer<byte[], byte[]> producer, Topic<String, ActionRecord> actions) {
    this.producer = producer;
    this.actions = actions;
  }

  /**
   * Appends {@code action}, keyed by its idempotency key, and returns once it is acknowledged.
   *
   * @throws KafkaException when Kafka did not take it; the caller must not commit past its source
   */
  public void append(ActionRecord action) {
    String topic = actions.name();
    byte[] key = actions.keySerde().serializer().serialize(topic, action.getIdempotencyKey());
    byte[] value = actions.valueSerde().serializer().serialize(topic, action);
    awaitAck(producer, new ProducerRecord<>(topic, key, value));
  }

  /** Sends {@code record} and blocks until it is acknowledged. */
  public static void awaitAck(
      Producer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    } catch (ExecutionException e) {
      throw new KafkaException("could not write to " + record.topic(), e.getCause());
    }
  }
}
