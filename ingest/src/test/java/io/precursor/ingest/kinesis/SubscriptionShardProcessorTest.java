package io.precursor.ingest.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestPublishException;
import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.IngestSink;
import io.precursor.ingest.SubscriptionIngest;
import io.precursor.ingest.logs.Fixtures;
import io.precursor.schemas.DeadLetter;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

class SubscriptionShardProcessorTest {

  private static final String SHARD = "shardId-000000000001";
  private static final byte[] SLOW_QUERIES =
      Fixtures.gzip(Fixtures.bytes("subscription/slowquery-data-message.json"));
  private static final byte[] CORRUPT_GZIP = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x01, 0x02};

  private final Topics topics =
      new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://shard-processor-test")));
  private final IngestConfig config = new IngestConfig(Map.of("bootstrap.servers", "unused:9092"));
  private final SubscriptionIngest ingest =
      new SubscriptionIngest(config, topics, new IngestCounters());
  private final CheckpointGate gate = new CheckpointGate();
  private final RecordingCheckpointer checkpointer = new RecordingCheckpointer();
  private ShardRecordingProducer producer;
  private IngestPublisher publisher;

  @AfterEach
  void closePublisher() {
    if (publisher != null) {
      publisher.close();
    }
  }

  @Test
  void shouldCheckpointTheLastRecordOnlyOnceKafkaAcknowledgedTheWholeBatch() {
    SubscriptionShardProcessor processor = processor(false);
    int expected = publishedBy(SLOW_QUERIES) * 2;

    CompletableFuture<Void> processing =
        CompletableFuture.runAsync(
            () ->
                processor.processRecords(
                    batch(record("101", SLOW_QUERIES), record("102", SLOW_QUERIES))));
    await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == expected);

    assertThat(processing).isNotDone();
    assertThat(checkpointer.checkpoints()).as("nothing acknowledged yet").isEmpty();

    while (producer.completeNext()) {
      // acknowledge every record of the batch, oldest first
    }
    processing.join();
    assertThat(checkpointer.checkpoints()).containsExactly("102/0");
  }

  @Test
  void shouldNotCheckpointAndShouldHaltTheWorkerWhenKafkaRefusesARecord() {
    SubscriptionShardProcessor processor = processor(false);

    CompletableFuture<Void> processing =
        CompletableFuture.runAsync(
            () -> processor.processRecords(batch(record("201", SLOW_QUERIES))));
    await().atMost(Duration.ofSeconds(10)).until(() -> !producer.history().isEmpty());
    producer.errorNext(new IllegalStateException("broker gone"));
    while (producer.completeNext()) {
      // the rest of the batch is acknowledged; one refusal is enough to withhold the checkpoint
    }
    processing.join();

    assertThat(checkpointer.checkpoints()).isEmpty();
    assertThat(gate.isOpen()).isFalse();
    assertThat(gate.cause())
        .get()
        .isInstanceOf(IngestPublishException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains("broker gone");
  }

  @Test
  void shouldLeaveLaterBatchesUnreadAndUncheckpointedOnceTheWorkerHalts() {
    SubscriptionShardProcessor processor = processor(true);
    gate.shut(new IllegalStateException("an earlier batch failed"));

    processor.processRecords(batch(record("301", SLOW_QUERIES)));
    processor.shutdownRequested(
        ShutdownRequestedInput.builder().checkpointer(checkpointer).build());
    processor.shardEnded(ShardEndedInput.builder().checkpointer(checkpointer).build());

    assertThat(producer.history()).isEmpty();
    assertThat(checkpointer.checkpoints()).isEmpty();
  }

  @Test
  void shouldDeadLetterAnUnreadableRecordWithItsShardAndSequenceAndGoOn() {
    SubscriptionShardProcessor processor = processor(true);

    processor.processRecords(batch(record("401", CORRUPT_GZIP), record("402", SLOW_QUERIES)));

    Topic<String, DeadLetter> dlq = topics.deadLetters(Topics.Stage.INGEST);
    List<DeadLetter> letters =
        producer.history().stream()
            .filter(r -> r.topic().equals(dlq.name()))
            .map(r -> dlq.valueSerde().deserializer().deserialize(r.topic(), r.value()))
            .toList();
    assertThat(letters)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.getSource()).isEqualTo(SHARD + "/401");
              assertThat(letter.getRaw()).isEqualTo(ByteBuffer.wrap(CORRUPT_GZIP));
              assertThat(letter.getReason()).isNotBlank();
            });
    assertThat(producer.history()).hasSize(1 + publishedBy(SLOW_QUERIES));
    assertThat(checkpointer.checkpoints()).containsExactly("402/0");
    assertThat(gate.isOpen()).isTrue();
  }

  @Test
  void shouldCheckpointAtShardEndAndOnRequestedShutdownButNeverWhenTheLeaseIsLost() {
    SubscriptionShardProcessor processor = processor(true);

    processor.leaseLost(LeaseLostInput.builder().build());
    assertThat(checkpointer.checkpoints()).isEmpty();

    processor.shardEnded(ShardEndedInput.builder().checkpointer(checkpointer).build());
    processor.shutdownRequested(
        ShutdownRequestedInput.builder().checkpointer(checkpointer).build());
    assertThat(checkpointer.checkpoints())
        .containsExactly(
            RecordingCheckpointer.EVERYTHING_PROCESSED, RecordingCheckpointer.EVERYTHING_PROCESSED);
  }

  @Test
  void shouldNameTheShardInTheLoggingContextWhileProcessingAndClearItAfter() {
    SubscriptionShardProcessor processor = processor(true);

    processor.processRecords(batch(record("501", SLOW_QUERIES)));

    assertThat(producer.shardsInContext).isNotEmpty().containsOnly(SHARD);
    assertThat(MDC.get(SubscriptionShardProcessor.SHARD_ID)).isNull();
  }

  @Test
  void shouldReferToAnAggregatedRecordBySequenceAndSubsequence() {
    SubscriptionShardProcessor processor = processor(true);
    KinesisClientRecord plain = record("601", SLOW_QUERIES);
    KinesisClientRecord aggregated =
        plain.toBuilder().aggregated(true).subSequenceNumber(3).build();

    assertThat(processor.source(plain)).isEqualTo(SHARD + "/601");
    assertThat(processor.source(aggregated)).isEqualTo(SHARD + "/601/3");
  }

  @Test
  void shouldHandTheRecordBytesAsTheyAreWithoutDecodingBase64Again() {
    SubscriptionShardProcessor processor = processor(true);
    byte[] base64OfGzip =
        java.util.Base64.getEncoder().encode(SLOW_QUERIES); // what the CLI export shows, not KCL

    processor.processRecords(batch(record("701", SLOW_QUERIES), record("702", base64OfGzip)));

    Topic<String, DeadLetter> dlq = topics.deadLetters(Topics.Stage.INGEST);
    assertThat(producer.history())
        .filteredOn(r -> r.topic().equals(dlq.name()))
        .singleElement()
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .isEqualTo(SHARD + "/702");
  }

  private SubscriptionShardProcessor processor(boolean autoAcknowledge) {
    producer = new ShardRecordingProducer(autoAcknowledge);
    publisher = new IngestPublisher(producer, topics);
    SubscriptionShardProcessor processor = new SubscriptionShardProcessor(ingest, publisher, gate);
    processor.initialize(
        InitializationInput.builder()
            .shardId(SHARD)
            .extendedSequenceNumber(ExtendedSequenceNumber.TRIM_HORIZON)
            .build());
    return processor;
  }

  private ProcessRecordsInput batch(KinesisClientRecord... records) {
    return ProcessRecordsInput.builder()
        .records(List.of(records))
        .checkpointer(checkpointer)
        .build();
  }

  private static KinesisClientRecord record(String sequenceNumber, byte[] data) {
    return KinesisClientRecord.builder()
        .sequenceNumber(sequenceNumber)
        .partitionKey("orders-prod-instance-1")
        .approximateArrivalTimestamp(Instant.parse("2026-11-17T09:12:04Z"))
        // KCL hands a read-only buffer positioned at the data.
        .data(ByteBuffer.wrap(data).asReadOnlyBuffer())
        .build();
  }

  /** How many Kafka records SubscriptionIngest makes of {@code data}. */
  private int publishedBy(byte[] data) {
    AtomicInteger count = new AtomicInteger();
    ingest.accept(
        data,
        "dry-run",
        new IngestSink() {
          @Override
          public <V> void publish(Topic<String, V> topic, String key, V value, Instant time) {
            count.incrementAndGet();
          }

          @Override
          public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
            count.incrementAndGet();
          }
        });
    assertThat(count).hasPositiveValue();
    return count.get();
  }

  /** A mock producer that also notes which shard the logging context named at each send. */
  private static final class ShardRecordingProducer extends MockProducer<byte[], byte[]> {

    final List<String> shardsInContext = new ArrayList<>();

    ShardRecordingProducer(boolean autoComplete) {
      super(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<byte[], byte[]> record, Callback callback) {
      shardsInContext.add(MDC.get(SubscriptionShardProcessor.SHARD_ID));
      return super.send(record, callback);
    }
  }
}
