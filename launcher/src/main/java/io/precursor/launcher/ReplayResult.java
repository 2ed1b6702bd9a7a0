package io.precursor.launcher;

import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.LinkedPrecursor;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a replay produced: every precursor (latest severity per episode) and the final state of
 * every incident, read back from the output topics.
 */
record ReplayResult(List<FailoverPrecursor> precursors, List<Incident> incidents) {

  static ReplayResult read(String bootstrapServers, Topics topics) {
    Map<String, FailoverPrecursor> precursors = new LinkedHashMap<>();
    for (FailoverPrecursor p : readAll(bootstrapServers, topics.precursors())) {
      precursors.put(p.getId(), p);
    }
    Map<String, Incident> incidents = new LinkedHashMap<>();
    for (Incident i : readAll(bootstrapServers, topics.incidents())) {
      incidents.put(i.getId(), i);
    }
    return new ReplayResult(List.copyOf(precursors.values()), List.copyOf(incidents.values()));
  }

  /** Precursors no failover followed within the horizon: the report card's false alarms. */
  List<FailoverPrecursor> unconfirmed() {
    Set<String> linked = new HashSet<>();
    incidents.forEach(i -> i.getPrecursors().forEach(p -> linked.add(p.getPrecursorId())));
    return precursors.stream().filter(p -> !linked.contains(p.getId())).toList();
  }

  void print(PrintStream out) {
    out.printf("%-28s %-28s %-9s %-22s%n", "INSTANCE", "PRECURSOR", "SEVERITY", "FIRST DETECTED");
    Map<String, List<FailoverPrecursor>> byInstance = new TreeMap<>();
    precursors.forEach(
        p -> byInstance.computeIfAbsent(p.getInstance(), k -> new ArrayList<>()).add(p));
    byInstance.forEach(
        (instance, list) ->
            list.forEach(
                p ->
                    out.printf(
                        "%-28s %-28s %-9s %-22s%n",
                        instance,
                        p.getKind(),
                        p.getSeverity(),
                        p.getId().substring(p.getId().lastIndexOf('/') + 1))));
    out.println();
    out.printf("%-48s %-20s %-8s %s%n", "INCIDENT", "STATE", "RTO", "LED BY (lead time)");
    for (Incident incident : incidents) {
      List<String> led = new ArrayList<>();
      for (LinkedPrecursor p : incident.getPrecursors()) {
        Duration lead = Duration.ofMillis(p.getLeadTimeMillis());
        led.add(
            String.format(
                "%s on %s (%d min %d s)",
                p.getKind(), p.getInstance(), lead.toMinutes(), lead.toSecondsPart()));
      }
      out.printf(
          "%-48s %-20s %-8s %s%n",
          incident.getId(),
          incident.getState(),
          incident.getRtoMillis() == null ? "-" : (incident.getRtoMillis() / 1000) + " s",
          led.isEmpty() ? "no precursor" : String.join("; ", led));
    }
    out.printf(
        "%n%d precursor episode(s), %d incident(s), %d precursor(s) that no failover followed%n",
        precursors.size(), incidents.size(), unconfirmed().size());
  }

  private static <V> List<V> readAll(String bootstrapServers, Topic<String, V> topic) {
    List<V> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "precursor-replay-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record :
            consumer.poll(java.time.Duration.ofMillis(200))) {
          values.add(topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
        }
      }
    }
    return values;
  }
}
