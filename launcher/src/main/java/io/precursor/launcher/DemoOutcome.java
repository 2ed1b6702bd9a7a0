package io.precursor.launcher;

import io.precursor.alerting.DeliveredAlert;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.LinkedPrecursor;
import io.precursor.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the demo saw: the precursors, the incident that linked them, and the Slack messages;
 * gathered from the output topics until the story is complete or time runs out.
 */
record DemoOutcome(
    List<FailoverPrecursor> precursors, Incident incident, List<DeliveredAlert> delivered) {

  /** Whether a precursor led to the failover and its message reached Slack. */
  boolean complete() {
    return linked().isPresent() && postedFor(linked().get().getPrecursorId()).isPresent();
  }

  static DemoOutcome await(
      String bootstrapServers,
      Topics topics,
      List<DeliveredAlert> delivered,
      Duration timeout,
      Supplier<KafkaStreams.State> streams) {
    Map<String, FailoverPrecursor> precursors = new LinkedHashMap<>();
    Incident incident = null;
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "precursor-demo-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics.precursors().name(), topics.incidents().name()));
      while (System.nanoTime() < deadline) {
        if (streams.get() == KafkaStreams.State.ERROR) {
          break;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.topic().equals(topics.precursors().name())) {
            FailoverPrecursor p =
                topics
                    .precursors()
                    .valueSerde()
                    .deserializer()
                    .deserialize(record.topic(), record.value());
            precursors.put(p.getId() + "|" + p.getSeverity(), p);
          } else {
            incident =
                topics
                    .incidents()
                    .valueSerde()
                    .deserializer()
                    .deserialize(record.topic(), record.value());
          }
        }
        DemoOutcome now =
            new DemoOutcome(List.copyOf(precursors.values()), incident, List.copyOf(delivered));
        if (now.complete()) {
          return now;
        }
      }
    }
    return new DemoOutcome(List.copyOf(precursors.values()), incident, List.copyOf(delivered));
  }

  void print(PrintStream out, String slackName) {
    out.println();
    if (precursors.isEmpty()) {
      out.println("No precursor was detected.");
    }
    for (FailoverPrecursor p : precursors) {
      out.printf(
          "PRECURSOR  %s %s on %s (cluster %s), detected at %s%n  id: %s%n  %s%n",
          p.getSeverity(),
          p.getKind(),
          p.getInstance(),
          p.getCluster(),
          p.getDetectedAt(),
          p.getId(),
          p.getSummary());
    }
    if (incident == null) {
      out.println("No failover incident was opened.");
    } else {
      out.printf(
          "INCIDENT   %s: %s at %s%s%n  \"%s\"%n",
          incident.getId(),
          incident.getState(),
          incident.getStartedAt(),
          incident.getRtoMillis() == null
              ? ""
              : String.format(", recovered in %.1f s", incident.getRtoMillis() / 1000.0),
          incident.getMessage());
    }
    linked()
        .ifPresentOrElse(
            l ->
                out.printf(
                    "LEAD TIME  %s warned %s before the failover%n",
                    l.getKind(), humanize(Duration.ofMillis(l.getLeadTimeMillis()))),
            () -> out.println("LEAD TIME  none: no precursor led to this failover."));
    out.println();
    linked()
        .flatMap(l -> postedFor(l.getPrecursorId()))
        .ifPresentOrElse(
            alert -> {
              out.printf(
                  "SLACK      the message posted to %s (attempt %d):%n",
                  slackName, alert.outcome().attempts());
              out.print(SlackPreview.render(alert.alert().message().toJson(), "  | "));
            },
            () -> out.printf("SLACK      nothing was posted to %s.%n", slackName));
    out.printf("  (%d message(s) posted in all)%n", delivered.size());
  }

  private Optional<LinkedPrecursor> linked() {
    if (incident == null || incident.getPrecursors().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(incident.getPrecursors().get(0));
  }

  private Optional<DeliveredAlert> postedFor(String precursorId) {
    List<DeliveredAlert> matching = new ArrayList<>();
    for (DeliveredAlert d : delivered) {
      if (d.alert().subjectId().equals(precursorId)) {
        matching.add(d);
      }
    }
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(0));
  }

  private static String humanize(Duration d) {
    return d.toMinutes() + " min " + d.toSecondsPart() + " s";
  }
}
