package io.precursor.ingest.kinesis;

import io.precursor.ingest.IngestPublishException;
import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.IngestSink;
import io.precursor.topics.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * What one Kinesis batch published, with the acknowledgements Kafka owes for it, kept apart from
 * the batches other shards publish at the same time through the same producer.
 */
final class BatchAcknowledgements implements IngestSink {

  private final IngestPublisher publisher;
  private final List<Future<RecordMetadata>> acks = new ArrayList<>();

  BatchAcknowledgements(IngestPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
    acks.add(publisher.send(topic, key, value, eventTime));
  }

  @Override
  public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
    acks.add(publisher.sendDeadLetter(source, reason, error, raw));
  }

  /** How many records the batch sent. */
  int size() {
    return acks.size();
  }

  /**
   * Blocks until Kafka acknowledged every record of the batch.
   *
   * @throws IngestPublishException if any of them could not be written
   */
  void awaitAll() {
    try {
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
    } catch (ExecutionException e) {
      throw new IngestPublishException("Kafka refused a record: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestPublishException("interrupted while waiting for Kafka", e);
    }
  }
}
