package io.precursor.streams.deadletter;

import io.precursor.schemas.DeadLetter;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets aside records the topology cannot read or process: a {@link DeadLetter} with the raw bytes,
 * the source topic/partition/offset and the reason goes to the streams dead-letter topic, inside
 * the same transaction as the rest of the output, and processing goes on.
 */
public final class DeadLetterHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

  private Topic<String, DeadLetter> deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = new Topics(new TopicsConfig(configs)).deadLetters(Topics.Stage.STREAMS);
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    return DeserializationExceptionHandler.Response.resume(
        List.of(deadLetter(context, record.value(), "unreadable record", exception)));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    return ProcessingExceptionHandler.Response.resume(
        List.of(
            deadLetter(
                context,
                context.sourceRawValue(),
                "processing failed in " + context.processorNodeId(),
                exception)));
  }

  private ProducerRecord<byte[], byte[]> deadLetter(
      ErrorHandlerContext context, byte[] raw, String what, Exception exception) {
    String source = context.topic() + "-" + context.partition() + "@" + context.offset();
    String reason = what + ": " + exception.getMessage();
    LOG.warn("dead letter from {}: {}", source, reason);
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setStage(Topics.Stage.STREAMS.id())
            .setSource(source)
            .setReason(reason)
            .setErrorClass(exception.getClass().getName())
            .setRaw(ByteBuffer.wrap(raw == null ? new byte[0] : raw))
            .setTime(Instant.now())
            .build();
    byte[] value = deadLetters.valueSerde().serializer().serialize(deadLetters.name(), letter);
    return new ProducerRecord<>(
        deadLetters.name(), null, source.getBytes(StandardCharsets.UTF_8), value);
  }
}
