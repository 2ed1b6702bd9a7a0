package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.observability.ObservabilityConfig;
import io.precursor.scenarios.Scenarios;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.IncidentState;
import io.precursor.schemas.LinkedPrecursor;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.testkit.LocalSchemaRegistry;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.topics.Topic;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly once across crashes: seed-000 through {@code precursor streams} once undisturbed, and
 * once with the process killed with SIGKILL in the middle of a transaction at several points of the
 * input and restarted on the same application id and state directory each time.
 */
@ExtendWith(TestBrokerExtension.class)
class StreamsCrashRecoveryIT {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsCrashRecoveryIT.class);

  /** Where the kills land: fractions of the input whose processing is committed. */
  private static final double[] KILL_POINTS = {0.0, 0.5, 0.9};

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

  /**
   * The incident itself: the writer from just before the rebuild to just after the failover. The
   * whole two hours of seed-000 would triple the test's time for no other path through the code.
   */
  private static final ReplayFilter INCIDENT =
      new ReplayFilter(
          Instant.parse("2026-11-17T09:00:00Z"),
          Instant.parse("2026-11-17T09:50:00Z"),
          null,
          "ads-prod-1");

  @Test
  void shouldGiveTheUndisturbedRunsPrecursorsAndIncidentsWhenKilledMidTransactionAndRestarted(
      TestBroker broker, @TempDir Path dir) throws Exception {
    Path exports = dir.resolve("seed-000");
    Scenarios.write("seed-000", exports);
    try (LocalSchemaRegistry registry = new LocalSchemaRegistry();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        Run undisturbed = Run.prepare("undisturbed", broker, registry, dir);
        Run crashed = Run.prepare("crashed", broker, registry, dir)) {
      long began = System.nanoTime();
      undisturbed.load(exports);
      crashed.copyInputsFrom(undisturbed);
      LOG.info("seed-000 loaded in {} ms", (System.nanoTime() - began) / 1_000_000);

      // The reference run goes on beside the crash loop: both spend most of their time waiting.
      CompletableFuture<Boolean> reference =
          CompletableFuture.supplyAsync(
              () -> {
                try (StreamsProcess stage = undisturbed.start()) {
                  return undisturbed.catchUp(admin, stage);
                } catch (Exception e) {
                  throw new IllegalStateException("the undisturbed run failed", e);
                }
              });

      long input = crashed.inputRecords(admin);
      int killedMidTransaction = 0;
      int exitedOnTheirOwn = 0;
      for (double point : KILL_POINTS) {
        long threshold = (long) (point * input);
        StreamsProcess stage = crashed.start();
        while (true) {
          StreamsProcess current = stage;
          Awaitility.await("a transaction open after " + threshold + " of " + input + " inputs")
              .atMost(STEP_TIMEOUT)
              .pollInterval(Duration.ofMillis(20))
              .until(
                  () ->
                      !current.isAlive()
                          || (crashed.committedInputs(admin) >= threshold
                              && !crashed.openTransactions(admin).isEmpty()));
          if (current.isAlive()) {
            break;
          }
          // The stage exits when its client fails; a supervisor would start it again.
          exitedOnTheirOwn++;
          assertThat(exitedOnTheirOwn).as("restarts after the stage exited").isLessThan(4);
          LOG.warn("the stage exited on its own; restarting it (see {})", current.log());
          stage = crashed.start();
        }
        stage.kill();
        LOG.info(
            "killed at {} of {} inputs committed, {} ms in",
            crashed.committedInputs(admin),
            input,
            (System.nanoTime() - began) / 1_000_000);
        // Only the coordinator can end it now: the dead process left it open.
        if (!crashed.openTransactions(admin).isEmpty()) {
          killedMidTransaction++;
        }
      }
      boolean caughtUp = false;
      while (!caughtUp) {
        try (StreamsProcess stage = crashed.start()) {
          caughtUp = crashed.catchUp(admin, stage);
          if (!caughtUp) {
            assertThat(stage.isAlive()).as("restarted run caught up in time").isFalse();
            exitedOnTheirOwn++;
            assertThat(exitedOnTheirOwn).as("restarts after the stage exited").isLessThan(4);
            LOG.warn("the stage exited on its own; restarting it (see {})", stage.log());
          }
        }
      }
      LOG.info("restarted run caught up {} ms in", (System.nanoTime() - began) / 1_000_000);
      assertThat(reference.get()).as("undisturbed run caught up").isTrue();
      LOG.info("undisturbed run caught up {} ms in", (System.nanoTime() - began) / 1_000_000);
      LOG.info("the stage exited on its own {} time(s) after a kill", exitedOnTheirOwn);
      assertThat(killedMidTransaction).isEqualTo(KILL_POINTS.length);
      List<Incident> incidents = crashed.incidents();
      List<Incident> expectedIncidents = undisturbed.incidents();
      LOG.info("incidents published, undisturbed: {}", lifecycle(expectedIncidents));
      LOG.info("incidents published, crashed: {}", lifecycle(incidents));
      assertSamePrecursors(crashed.precursors(), undisturbed.precursors());
      assertSameIncidents(incidents, expectedIncidents);
    }
  }

  /**
   * Every precursor record, no more, no fewer, and each precursor's own records (first warning,
   * escalations, UNCONFIRMED) in the same order. The order between different precursors is not
   * compared: the topic has two writers, the rules' sub-topology and the confirmation's, whose
   * records interleave by when each task ran, which a restart changes and exactly once does not
   * promise to keep.
   */
  private static void assertSamePrecursors(
      List<FailoverPrecursor> actual, List<FailoverPrecursor> expected) {
    assertThat(expected).as("the undisturbed run's precursors").isNotEmpty();
    assertThat(actual).as("precursors, lost or duplicated").hasSameSizeAs(expected);
    assertThat(byId(actual, FailoverPrecursor::getId))
        .as("each precursor's records")
        .isEqualTo(byId(expected, FailoverPrecursor::getId));
  }

  /**
   * The incidents as a consumer of the compacted topic sees them, and no lifecycle change lost or
   * duplicated.
   *
   * <p>The published sequence itself may differ, and this is why: the failover reaches the incident
   * linker through one repartition topic and the precursor through another, from two
   * sub-topologies. Undisturbed, the precursor usually comes first and the incident opens with it
   * linked; after a restart the failover's light sub-topology catches up long before the window
   * sub-topology has reprocessed up to the precursor, so the incident opens without it and is
   * published again once it arrives. Kafka Streams orders records across the two topics by
   * timestamp only when both have data on the broker ({@code max.task.idle.ms} = 0); a positive
   * idle time is a wall-clock wait for the whole application, no bound on a restore, and would
   * delay every live record of a task with an empty input. So the comparison is what exactly once
   * does promise here:
   *
   * <ul>
   *   <li>the last record per incident id (the table a compacted topic converges to) is the
   *       undisturbed run's;
   *   <li>each incident goes through the same states in the same order, a state repeated only to
   *       link a precursor that arrived later;
   *   <li>the linked precursors only grow, and never include one the undisturbed run did not link;
   *   <li>no record follows an identical one: a lifecycle change published twice is a duplicate
   *       that exactly once must prevent.
   * </ul>
   */
  private static void assertSameIncidents(List<Incident> actual, List<Incident> expected) {
    assertThat(expected).as("the undisturbed run's incidents").isNotEmpty();
    Map<String, List<Incident>> actualById = byId(actual, Incident::getId);
    Map<String, List<Incident>> expectedById = byId(expected, Incident::getId);
    assertThat(actualById.keySet()).as("incident ids").isEqualTo(expectedById.keySet());
    for (Map.Entry<String, List<Incident>> entry : expectedById.entrySet()) {
      String id = entry.getKey();
      List<Incident> published = actualById.get(id);
      Incident expectedFinal = entry.getValue().get(entry.getValue().size() - 1);
      assertThat(published.get(published.size() - 1))
          .as("the compacted table's record of %s", id)
          .isEqualTo(expectedFinal);
      assertThat(distinctStates(published))
          .as("the lifecycle of %s", id)
          .isEqualTo(distinctStates(entry.getValue()));
      Set<String> finalLinks = linkedIds(expectedFinal);
      Set<String> linkedBefore = Set.of();
      for (int i = 0; i < published.size(); i++) {
        Incident record = published.get(i);
        Set<String> linked = linkedIds(record);
        assertThat(finalLinks)
            .as("%s record %d links only final precursors", id, i)
            .containsAll(linked);
        assertThat(linked).as("%s record %d keeps earlier links", id, i).containsAll(linkedBefore);
        if (i > 0) {
          assertThat(record)
              .as("%s record %d repeats the one before", id, i)
              .isNotEqualTo(published.get(i - 1));
        }
        linkedBefore = linked;
      }
    }
  }

  /** For the log: each record's incident, state and linked precursors. */
  private static List<String> lifecycle(List<Incident> incidents) {
    return incidents.stream()
        .map(i -> i.getId() + " " + i.getState() + " " + linkedIds(i))
        .toList();
  }

  private static <V> Map<String, List<V>> byId(List<V> records, Function<V, String> id) {
    Map<String, List<V>> byId = new TreeMap<>();
    records.forEach(r -> byId.computeIfAbsent(id.apply(r), k -> new ArrayList<>()).add(r));
    return byId;
  }

  /** The states an incident went through, a state repeated in a row counted once. */
  private static List<IncidentState> distinctStates(List<Incident> lifecycle) {
    List<IncidentState> states = new ArrayList<>();
    for (Incident incident : lifecycle) {
      if (states.isEmpty() || states.get(states.size() - 1) != incident.getState()) {
        states.add(incident.getState());
      }
    }
    return states;
  }

  private static Set<String> linkedIds(Incident incident) {
    return incident.getPrecursors().stream()
        .map(LinkedPrecursor::getPrecursorId)
        .collect(Collectors.toSet());
  }

  /** One run of the stage: its own topics, application id and state directory. */
  private record Run(
      String name,
      String bootstrapServers,
      Map<String, String> settings,
      Topics topics,
      Path workDir,
      List<StreamsProcess> started)
      implements AutoCloseable {

    static Run prepare(String name, TestBroker broker, LocalSchemaRegistry registry, Path dir)
        throws Exception {
      String id = UniqueNames.topic("crash-" + name);
      Map<String, String> settings = new HashMap<>();
      settings.put("bootstrap.servers", broker.bootstrapServers());
      settings.put(TopicsConfig.SCHEMA_REGISTRY_URL, registry.url().toString());
      settings.put(TopicsConfig.TOPIC_PREFIX, id + ".");
      settings.put(TopicsConfig.PARTITIONS, "2");
      settings.put(TopicsConfig.REPLICATION_FACTOR, "1");
      settings.put(StreamsStageConfig.APPLICATION_ID, UniqueNames.applicationId(id));
      settings.put(StreamsStageConfig.STATE_DIR, dir.resolve(name + "-state").toString());
      settings.put(StreamsStageConfig.QUERY_PORT, "0");
      // Two runs side by side: each takes a free port for its metrics and health too.
      settings.put(ObservabilityConfig.HTTP_PORT, "0");
      // Transactions stay open a second, so a kill lands inside one and aborts real work.
      settings.put("streams.kafka.commit.interval.ms", "1000");
      // Static membership: a restart takes over its partitions without waiting for the dead
      // member's session to time out.
      settings.put("streams.kafka.group.instance.id", id + "-member");
      Topics topics = new Topics(new TopicsConfig(settings));
      TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());
      // The child's log stays in target/ for a failed build to show.
      Path workDir = Files.createDirectories(Path.of("target", "streams-crash-it", id));
      return new Run(name, broker.bootstrapServers(), settings, topics, workDir, new ArrayList<>());
    }

    /** Ingests the incident itself: the batch and the failover on the writer, seen by ingest. */
    void load(Path exports) throws Exception {
      Settings loaded =
          Settings.load(
              List.of(TopicsConfig.DEFINITION, StreamsStageConfig.DEFINITION),
              null,
              Map.of(),
              settings);
      ExportLoader.load(loaded, topics, exports, INCIDENT::wrap);
    }

    /** The same input records, byte for byte, partition by partition, with their timestamps. */
    void copyInputsFrom(Run source) {
      Map<String, Object> consumerConfig = new HashMap<>();
      consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      Map<String, Object> producerConfig = new HashMap<>();
      producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      try (KafkaConsumer<byte[], byte[]> consumer =
              new KafkaConsumer<>(
                  consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
          KafkaProducer<byte[], byte[]> producer =
              new KafkaProducer<>(
                  producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
        for (int t = 0; t < inputTopics().size(); t++) {
          String from = source.inputTopics().get(t);
          String to = inputTopics().get(t);
          for (ConsumerRecord<byte[], byte[]> r : readAll(consumer, from)) {
            producer.send(
                new ProducerRecord<>(
                    to, r.partition(), r.timestamp(), r.key(), r.value(), r.headers()));
          }
        }
        producer.flush();
      }
    }

    StreamsProcess start() throws Exception {
      StreamsProcess process = StreamsProcess.start(settings, workDir.resolve("streams.log"));
      started.add(process);
      return process;
    }

    /** Kills whatever this run left running, e.g. when an assertion failed mid-way. */
    @Override
    public void close() throws InterruptedException {
      for (StreamsProcess process : started) {
        if (process.isAlive()) {
          process.kill();
        }
      }
    }

    String applicationId() {
      return settings.get(StreamsStageConfig.APPLICATION_ID);
    }

    List<String> inputTopics() {
      return List.of(
          topics.slowQueries().name(),
          topics.errorLog().name(),
          topics.metrics().name(),
          topics.dbEvents().name());
    }

    boolean catchUp(Admin admin, StreamsProcess stage) throws InterruptedException {
      return new TopologyCatchUp(admin, applicationId(), inputTopics())
          .await(STEP_TIMEOUT, () -> !stage.isAlive());
    }

    long inputRecords(Admin admin) throws Exception {
      Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
      for (String topic : inputTopics()) {
        for (int p = 0; p < topics.slowQueries().partitions(); p++) {
          latest.put(
              new TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
      }
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    }

    long committedInputs(Admin admin) throws Exception {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId()).partitionsToOffsetAndMetadata().get();
      return committed.entrySet().stream()
          .filter(e -> inputTopics().contains(e.getKey().topic()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }

    List<String> openTransactions(Admin admin) throws Exception {
      return admin
          .listTransactions(
              new ListTransactionsOptions()
                  .filterStates(List.of(TransactionState.ONGOING))
                  .filterOnTransactionalIdPattern(
                      java.util.regex.Pattern.quote(applicationId()) + ".*"))
          .all()
          .get()
          .stream()
          .map(t -> t.transactionalId())
          .toList();
    }

    List<FailoverPrecursor> precursors() {
      return readCommitted(topics.precursors());
    }

    List<Incident> incidents() {
      return readCommitted(topics.incidents());
    }

    /** Everything committed on {@code topic}, partition by partition in offset order. */
    private <V> List<V> readCommitted(Topic<String, V> topic) {
      Map<String, Object> config = new HashMap<>();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      try (KafkaConsumer<String, V> consumer =
          new KafkaConsumer<>(
              config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
        return readAll(consumer, topic.name()).stream().map(ConsumerRecord::value).toList();
      }
    }

    private static <K, V> List<ConsumerRecord<K, V>> readAll(
        KafkaConsumer<K, V> consumer, String topic) {
      List<ConsumerRecord<K, V>> records = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic)) {
        TopicPartition partition = new TopicPartition(topic, info.partition());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        while (consumer.position(partition) < end) {
          consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
      }
      return records;
    }
  }
}
