package io.precursor.alerting;

import io.precursor.alerting.action.ActionLog;
import io.precursor.schemas.DeadLetter;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sets aside a record alerting could not read or act on, with where it came from and why. */
final class DeadLetterWriter {

  private final Producer<byte[], byte[]> producer;
  private final Topic<String, DeadLetter> deadLetters;
  private final Clock clock;

  DeadLetterWriter(Producer<byte[], byte[]> producer, Topics topics, Clock clock) {
    this.producer = producer;
    this.deadLetters = topics.deadLetters(Topics.Stage.ALERTING);
    this.clock = clock;
  }

  /** Writes the dead letter and returns once Kafka acknowledged it. */
  void write(ConsumerRecord<byte[], byte[]> source, String reason, Throwable error) {
    String origin = source(source);
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setStage(Topics.Stage.ALERTING.id())
            .setSource(origin)
            .setReason(reason)
            .setErrorClass(error == null ? null : error.getClass().getName())
            .setRaw(ByteBuffer.wrap(source.value() == null ? new byte[0] : source.value()))
            .setTime(clock.instant())
            .build();
    String topic = deadLetters.name();
    ActionLog.awaitAck(
        producer,
        new ProducerRecord<>(
            topic,
            deadLetters.keySerde().serializer().serialize(topic, origin),
            deadLetters.valueSerde().serializer().serialize(topic, letter)));
  }

  /** "topic-partition@offset", the way every stage names a Kafka source. */
  static String source(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
