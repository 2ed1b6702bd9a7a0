package io.precursor.launcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when a Kafka Streams application has processed everything on its input and internal topics:
 * its committed offsets have reached the end of every partition, and stayed there.
 */
final class TopologyCatchUp {

  private final Admin admin;
  private final String applicationId;
  private final List<String> inputTopics;

  TopologyCatchUp(Admin admin, String applicationId, List<String> inputTopics) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.inputTopics = inputTopics;
  }

  /**
   * Waits until caught up; false when {@code timeout} passed or {@code failed} turned true first.
   */
  boolean await(Duration timeout, BooleanSupplier failed) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<TopicPartition, Long> previous = Map.of();
    while (System.nanoTime() < deadline && !failed.getAsBoolean()) {
      Map<TopicPartition, Long> ends = endOffsets();
      // Caught up twice in a row with nothing new written: the last transaction is committed.
      if (caughtUp(ends) && ends.equals(previous)) {
        return true;
      }
      previous = caughtUp(ends) ? ends : Map.of();
      synchronized (this) {
        wait(250);
      }
    }
    return false;
  }

  private boolean caughtUp(Map<TopicPartition, Long> ends) {
    if (ends.isEmpty()) {
      return false;
    }
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      long position = done == null ? 0 : done.offset();
      // Topics the application writes itself end with a transaction marker it may not pass.
      long markers = inputTopics.contains(end.getKey().topic()) ? 0 : 1;
      if (end.getValue() - position > markers) {
        return false;
      }
    }
    return true;
  }

  private Map<TopicPartition, Long> endOffsets() throws InterruptedException {
    try {
      Set<String> names =
          admin.listTopics().names().get().stream()
              .filter(t -> inputTopics.contains(t) || isRepartitionTopic(t))
              .collect(Collectors.toSet());
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin
          .describeTopics(names)
          .allTopicNames()
          .get()
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          p ->
                              request.put(
                                  new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get()
          .forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    } catch (ExecutionException e) {
      return Map.of();
    }
  }

  private boolean isRepartitionTopic(String topic) {
    return topic.startsWith(applicationId + "-") && topic.endsWith("-repartition");
  }
}
