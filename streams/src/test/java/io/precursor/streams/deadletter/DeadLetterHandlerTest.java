package io.precursor.streams.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.DeadLetter;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import io.precursor.topics.registry.MockSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

  private final String scope = "dlq-test-" + System.nanoTime();
  private final Map<String, String> settings =
      Map.of("schema.registry.url", "mock://" + scope, "topics.prefix", "p.");

  @AfterEach
  void forget() {
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void shouldResumeWithADeadLetterCarryingRawBytesSourceAndReason() {
    var handler = new DeadLetterHandler();
    handler.configure(settings);
    byte[] raw = "garbage".getBytes(StandardCharsets.UTF_8);

    var response =
        handler.handleError(
            context("p.slowlog", 3, 41L, raw),
            new ConsumerRecord<>("p.slowlog", 3, 41L, new byte[0], raw),
            new SerializationException("starts with byte 103, not the wire-format magic 0"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    var record = response.deadLetterQueueRecords().get(0);
    assertThat(record.topic()).isEqualTo("p.dlq.streams");
    DeadLetter letter = decode(record.value());
    assertThat(letter.getStage()).isEqualTo("streams");
    assertThat(letter.getSource()).isEqualTo("p.slowlog-3@41");
    assertThat(letter.getReason()).contains("unreadable record").contains("wire-format magic");
    assertThat(letter.getErrorClass()).isEqualTo(SerializationException.class.getName());
    assertThat(StandardCharsets.UTF_8.decode(letter.getRaw()).toString()).isEqualTo("garbage");
  }

  @Test
  void shouldNameTheProcessorThatFailed() {
    var handler = new DeadLetterHandler();
    handler.configure(settings);
    byte[] raw = {0, 0, 0, 0, 1, 42};

    var response =
        handler.handleError(
            context("p.metrics", 0, 7L, raw),
            new Record<>("ads-prod-1", "x", 0L),
            new IllegalStateException("boom"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    DeadLetter letter = decode(response.deadLetterQueueRecords().get(0).value());
    assertThat(letter.getReason())
        .isEqualTo("processing failed in instance-windows-aggregate: boom");
    assertThat(letter.getRaw().remaining()).isEqualTo(6);
  }

  private DeadLetter decode(byte[] bytes) {
    var topic = new Topics(new TopicsConfig(settings)).deadLetters(Topics.Stage.STREAMS);
    return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
  }

  private static ErrorHandlerContext context(String topic, int partition, long offset, byte[] raw) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return topic;
      }

      @Override
      public int partition() {
        return partition;
      }

      @Override
      public long offset() {
        return offset;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "instance-windows-aggregate";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, partition);
      }

      @Override
      public long timestamp() {
        return 0;
      }

      @Override
      public byte[] sourceRawKey() {
        return new byte[0];
      }

      @Override
      public byte[] sourceRawValue() {
        return raw;
      }
    };
  }
}
