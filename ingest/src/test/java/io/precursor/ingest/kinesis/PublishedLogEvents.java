package io.precursor.ingest.kinesis;

import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;

/**
 * The CloudWatch event ids that arrived on the slow-log and error-log topics, read from the start
 * and kept with their duplicates, and when the first one arrived.
 */
final class PublishedLogEvents implements AutoCloseable {

  private final Topics topics;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<String> eventIds = new ArrayList<>();
  private Instant firstArrival;

  PublishedLogEvents(KafkaTestClients clients, Topics topics) {
    this.topics = topics;
    this.consumer =
        new KafkaConsumer<>(
            clients.consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics.slowQueries().name(), topics.errorLog().name()));
  }

  /** Reads on until {@code done} holds, failing with what was seen after {@code timeout}. */
  PublishedLogEvents readUntil(
      String description, Predicate<PublishedLogEvents> done, Duration timeout) {
    Awaitility.await(description + " (" + eventIds.size() + " event ids so far)")
        .atMost(timeout)
        // A consumer belongs to one thread, and poll() itself waits for records.
        .pollInSameThread()
        .pollInterval(Duration.ZERO)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(this::add);
              return done.test(this);
            });
    return this;
  }

  /** Reads until every record on the topics now has been read. */
  PublishedLogEvents readToEnd(Duration timeout) {
    Awaitility.await("the end of the log topics (" + eventIds.size() + " event ids so far)")
        .atMost(timeout)
        .pollInSameThread()
        .pollInterval(Duration.ZERO)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(this::add);
              Set<TopicPartition> assigned = consumer.assignment();
              Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
              return !assigned.isEmpty()
                  && assigned.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
    return this;
  }

  /** Every event id seen, duplicates included, in arrival order per partition. */
  List<String> eventIds() {
    return List.copyOf(eventIds);
  }

  Set<String> distinct() {
    return new HashSet<>(eventIds);
  }

  int duplicates() {
    return eventIds.size() - distinct().size();
  }

  Optional<Instant> firstArrival() {
    return Optional.ofNullable(firstArrival);
  }

  @Override
  public void close() {
    consumer.close();
  }

  private void add(ConsumerRecord<byte[], byte[]> record) {
    if (firstArrival == null) {
      firstArrival = Instant.now();
    }
    if (record.topic().equals(topics.slowQueries().name())) {
      SlowQueryEntry entry =
          topics
              .slowQueries()
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
      eventIds.add(entry.getEventId());
    } else {
      ErrorLogEntry entry =
          topics.errorLog().valueSerde().deserializer().deserialize(record.topic(), record.value());
      eventIds.add(entry.getEventId());
    }
  }
}
