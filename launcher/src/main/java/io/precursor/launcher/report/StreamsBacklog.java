package io.precursor.launcher.report;

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
 * How far a Kafka Streams application has read its input topics: the sum of its committed offsets
 * against the sum of their end offsets, asked of the brokers at most once a second.
 */
public final class StreamsBacklog {

  private static final long REFRESH_NANOS = 1_000_000_000L;

  private final Admin admin;
  private final String applicationId;
  private final List<String> inputTopics;
  private long refreshed = Long.MIN_VALUE;
  private long processed;
  private long total = -1;

  public StreamsBacklog(Admin admin, String applicationId, List<String> inputTopics) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.inputTopics = inputTopics;
  }

  /** Input records the application has committed past. */
  public synchronized long processed() {
    refresh();
    return processed;
  }

  /** Input records there are, or -1 before the first answer. */
  public synchronized long total() {
    refresh();
    return total;
  }

  private void refresh() {
    long now = System.nanoTime();
    if (refreshed != Long.MIN_VALUE && now - refreshed < REFRESH_NANOS) {
      return;
    }
    refreshed = now;
    try {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin
          .describeTopics(inputTopics)
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
      long ends = 0;
      for (var info :
          admin
              .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get()
              .values()) {
        ends += info.offset();
      }
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      long done = 0;
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
        if (e.getValue() != null && request.containsKey(e.getKey())) {
          done += e.getValue().offset();
        }
      }
      total = ends;
      processed = Math.min(done, ends);
    } catch (ExecutionException e) {
      // Not answerable yet (the group has not committed): keep the last figures.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
