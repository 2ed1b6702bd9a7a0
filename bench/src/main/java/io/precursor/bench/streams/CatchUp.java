package io.precursor.bench.streams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a Kafka Streams application has committed everything on its source topics: a committed
 * offset is a committed transaction, so its output is readable with read_committed by then.
 */
final class CatchUp {

  private final Admin admin;
  private final String applicationId;
  private final List<String> inputTopics;

  CatchUp(Admin admin, String applicationId, List<String> inputTopics) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.inputTopics = inputTopics;
  }

  /** Polls every 20 ms until caught up; returns System.nanoTime() of the poll that saw it. */
  long await(long timeoutMillis) throws Exception {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (caughtUp()) {
        return System.nanoTime();
      }
      synchronized (this) {
        wait(20);
      }
    }
    throw new IllegalStateException(
        applicationId + " did not catch up in " + timeoutMillis + " ms");
  }

  /** The sum of committed offsets on the input topics. */
  long committedInputs() throws Exception {
    return committed().entrySet().stream()
        .filter(e -> inputTopics.contains(e.getKey().topic()) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
    return admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
  }

  private boolean caughtUp() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed = committed();
    } catch (ExecutionException e) {
      return false;
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    List<String> sources = sources();
    admin
        .describeTopics(sources)
        .allTopicNames()
        .get()
        .forEach(
            (topic, d) ->
                d.partitions()
                    .forEach(
                        p ->
                            request.put(
                                new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
    var ends =
        admin
            .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get();
    for (var end : ends.entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      long position = done == null ? 0 : done.offset();
      // A repartition topic the application writes itself ends with a marker it cannot pass.
      long markers = inputTopics.contains(end.getKey().topic()) ? 0 : 1;
      if (end.getValue().offset() - position > markers) {
        return false;
      }
    }
    return true;
  }

  private List<String> sources() throws Exception {
    return admin.listTopics().names().get().stream()
        .filter(
            t ->
                inputTopics.contains(t)
                    || (t.startsWith(applicationId + "-") && t.endsWith("-repartition")))
        .toList();
  }
}
