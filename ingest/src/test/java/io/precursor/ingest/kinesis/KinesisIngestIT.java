package io.precursor.ingest.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.ExportIngest;
import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.SubscriptionIngest;
import io.precursor.ingest.files.FileEntries;
import io.precursor.ingest.files.KinesisFileRecord;
import io.precursor.ingest.files.KinesisRecordsFile;
import io.precursor.ingest.logs.Fixtures;
import io.precursor.scenarios.BundledScenarios;
import io.precursor.schemas.DeadLetter;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.LocalAws;
import io.precursor.testkit.LocalDynamoDb;
import io.precursor.testkit.LocalKinesis;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.topics.Topic;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KCL 3 worker reading kinesis-local, with its leases in DynamoDB Local, writing to the test
 * broker: the seed-000 subscription records end to end, a worker killed mid-stream, and unreadable
 * records.
 */
@ExtendWith(TestBrokerExtension.class)
class KinesisIngestIT {

  private static final Logger LOG = LoggerFactory.getLogger(KinesisIngestIT.class);
  // KCL waits a random 1-30 s before a new application's first shard sync; then leases follow.
  private static final Duration WORKER_START = Duration.ofSeconds(90);

  private static LocalKinesis kinesis;
  private static LocalDynamoDb dynamoDb;
  private static List<KinesisFileRecord> seedRecords;
  private static Set<String> seedEventIds;

  private final TestBroker broker;
  private final KafkaTestClients clients;

  KinesisIngestIT(TestBroker broker, KafkaTestClients clients) {
    this.broker = broker;
    this.clients = clients;
  }

  @BeforeAll
  static void startLocalAws(@TempDir Path scenario) throws Exception {
    // The worker finds credentials through the SDK's default chain, as in production.
    LocalAws.useFakeCredentialsForDefaultChain();
    kinesis = LocalKinesis.start();
    dynamoDb = LocalDynamoDb.start();
    BundledScenarios.extract("seed-000", scenario.resolve("seed-000"));
    // Only the subscription stream's export: metrics and RDS events never reach Kinesis.
    Path kinesisExport = Files.createDirectories(scenario.resolve("kinesis-only"));
    Files.move(scenario.resolve("seed-000/kinesis"), kinesisExport.resolve("kinesis"));
    seedRecords = new ArrayList<>();
    try (FileEntries<KinesisFileRecord> records =
        KinesisRecordsFile.read(kinesisExport.resolve("kinesis"))) {
      records.drain(
          seedRecords::add,
          error -> {
            throw new AssertionError("unreadable seed record: " + error);
          });
    }
    // What replaying the same export yields is what the live path must deliver.
    Map<String, String> offline = Map.of("bootstrap.servers", "unused:9092");
    LogEventIds replayed = new LogEventIds();
    new ExportIngest(
            new IngestConfig(offline),
            new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://kinesis-it-replay"))),
            new IngestCounters())
        .ingest(kinesisExport, replayed);
    seedEventIds = Set.copyOf(replayed.ids);
    assertThat(seedRecords).hasSize(1566);
    assertThat(seedEventIds).hasSizeGreaterThan(1000);
  }

  @AfterAll
  static void stopLocalAws() {
    if (kinesis != null) {
      kinesis.close();
    }
    if (dynamoDb != null) {
      dynamoDb.close();
    }
  }

  @Test
  void shouldPublishEverySlowQueryAndErrorEventOfTheStreamAndCheckpointItsEnd() {
    Run run = new Run("kinesis-it-all", 2);
    Map<String, String> lastSequenceNumbers =
        StreamWriter.lastSequenceNumbers(run.writer().put(seedEntries()));

    Instant starting = Instant.now();
    try (PublishedLogEvents published = new PublishedLogEvents(clients, run.topics);
        Worker worker = run.startWorker(Map.of())) {
      published.readUntil(
          "every seed-000 event on Kafka",
          p -> p.distinct().containsAll(seedEventIds),
          WORKER_START.plusSeconds(60));
      LOG.info(
          "all {} events of {} records on Kafka {} s after the worker started (first after {} s);"
              + " {} duplicates",
          seedEventIds.size(),
          seedRecords.size(),
          Duration.between(starting, Instant.now()).toSeconds(),
          Duration.between(starting, published.firstArrival().orElseThrow()).toSeconds(),
          published.duplicates());

      assertThat(published.distinct()).isEqualTo(seedEventIds);
      assertThat(published.eventIds()).as("one worker, never interrupted").doesNotHaveDuplicates();

      worker.ingest().close();
      assertThat(worker.ingest().failure()).isEmpty();
    }
    assertThat(LeaseCheckpoints.read(dynamoDb.client(), run.application))
        .as("each shard checkpointed at its last record on graceful shutdown")
        .isEqualTo(lastSequenceNumbers);
  }

  @Test
  void shouldDeliverEveryEventExactlyOnceAfterDedupeWhenAWorkerIsKilledMidStream() {
    Run run = new Run("kinesis-it-crash", 2);
    Map<String, String> lastSequenceNumbers =
        StreamWriter.lastSequenceNumbers(run.writer().put(seedEntries()));

    try (PublishedLogEvents published = new PublishedLogEvents(clients, run.topics)) {
      // Small batches read slowly, so the kill lands mid-stream with checkpoints behind it.
      try (Worker first =
          run.startWorker(
              Map.of(
                  KinesisIngestConfig.MAX_RECORDS, "25",
                  KinesisIngestConfig.IDLE_BETWEEN_READS_MS, "500"))) {
        published.readUntil(
            "the first worker's events on Kafka and a checkpoint behind them",
            p -> !p.eventIds().isEmpty() && hasCheckpointedARecord(run.application),
            WORKER_START);
        first.ingest().halt(new IllegalStateException("killed by the test"));
        assertThat(first.ingest().awaitStopped(Duration.ofSeconds(30))).isTrue();
      }
      int publishedBeforeKill = published.readToEnd(Duration.ofSeconds(30)).eventIds().size();
      assertThat(published.distinct())
          .as("killed before the whole stream was on Kafka")
          .hasSizeLessThan(seedEventIds.size());

      try (Worker second = run.startWorker(Map.of())) {
        published.readUntil(
            "every seed-000 event on Kafka after the restart",
            p -> p.distinct().containsAll(seedEventIds),
            WORKER_START.plusSeconds(60));
        second.ingest().close();
      }
      LOG.info(
          "killed after {} of {} events; after the restart {} records for {} events: {} duplicates",
          publishedBeforeKill,
          seedEventIds.size(),
          published.eventIds().size(),
          published.distinct().size(),
          published.duplicates());

      assertThat(published.distinct()).isEqualTo(seedEventIds);
      assertThat(published.duplicates())
          .as("the restarted worker read on from a checkpoint, not from the start")
          .isLessThan(publishedBeforeKill);
    }
    assertThat(LeaseCheckpoints.read(dynamoDb.client(), run.application))
        .isEqualTo(lastSequenceNumbers);
  }

  @Test
  void shouldDeadLetterCorruptRecordsWithShardAndSequenceAndReadOnBehindThem() {
    Run run = new Run("kinesis-it-poison", 1);
    List<StreamWriter.Entry> before = seedEntries().subList(0, 30);
    List<StreamWriter.Entry> after = seedEntries().subList(30, 60);
    byte[] corruptGzip = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x13, 0x37, 0x00, 0x00};
    byte[] brokenJson =
        Fixtures.gzip(
            "{\"messageType\": \"DATA_MESSAGE\", \"logEvents\": ["
                .getBytes(StandardCharsets.UTF_8));
    List<StreamWriter.Entry> entries = new ArrayList<>(before);
    entries.add(new StreamWriter.Entry(corruptGzip, "ads-prod-1"));
    entries.add(new StreamWriter.Entry(brokenJson, "ads-prod-1"));
    entries.addAll(after);
    List<StreamWriter.Position> positions = run.writer().put(entries);
    Set<String> idsBehindThePills = eventIds(after);
    Set<String> expected = union(eventIds(before), idsBehindThePills);
    assertThat(idsBehindThePills).isNotEmpty();

    try (PublishedLogEvents published = new PublishedLogEvents(clients, run.topics);
        Worker worker = run.startWorker(Map.of())) {
      published.readUntil(
          "the events around the unreadable records",
          p -> p.distinct().containsAll(expected),
          WORKER_START.plusSeconds(30));
      Topic<String, DeadLetter> dlq = run.topics.deadLetters(Topics.Stage.INGEST);
      List<ConsumerRecord<String, DeadLetter>> letters =
          clients.consumeUntil(
              dlq.name(),
              Serdes.String().deserializer(),
              dlq.valueSerde().deserializer(),
              seen -> seen.size() >= 2,
              Duration.ofSeconds(30));

      assertThat(published.distinct()).isEqualTo(expected);
      assertThat(letters)
          .extracting(r -> r.value().getSource())
          .containsExactlyInAnyOrder(
              positions.get(before.size()).source(), positions.get(before.size() + 1).source());
      assertThat(letters)
          .extracting(r -> r.value().getRaw())
          .containsExactlyInAnyOrder(ByteBuffer.wrap(corruptGzip), ByteBuffer.wrap(brokenJson));
      assertThat(letters).allSatisfy(r -> assertThat(r.value().getReason()).isNotBlank());
      assertThat(letters.get(0).value().getSource()).startsWith("shardId-000000000000/");

      worker.ingest().close();
      assertThat(worker.ingest().failure()).as("input never halts the worker").isEmpty();
    }
    assertThat(LeaseCheckpoints.read(dynamoDb.client(), run.application))
        .isEqualTo(StreamWriter.lastSequenceNumbers(positions));
  }

  private boolean hasCheckpointedARecord(String application) {
    return LeaseCheckpoints.read(dynamoDb.client(), application).values().stream()
        .anyMatch(checkpoint -> checkpoint.chars().allMatch(Character::isDigit));
  }

  private static List<StreamWriter.Entry> seedEntries() {
    return seedRecords.stream()
        .map(r -> new StreamWriter.Entry(r.data(), r.partitionKey()))
        .toList();
  }

  private static Set<String> eventIds(List<StreamWriter.Entry> entries) {
    LogEventIds ids = new LogEventIds();
    SubscriptionIngest ingest =
        new SubscriptionIngest(
            new IngestConfig(Map.of("bootstrap.servers", "unused:9092")),
            new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://kinesis-it-ids"))),
            new IngestCounters());
    for (StreamWriter.Entry entry : entries) {
      ingest.accept(entry.data(), "expected", ids);
    }
    return Set.copyOf(ids.ids);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** A worker of one test, closed with the clients the test built for it. */
  private record Worker(KinesisIngest ingest, WorkerClients clients) implements AutoCloseable {
    @Override
    public void close() {
      ingest.close();
      clients.kinesis().close();
      clients.cloudWatch().close();
    }
  }

  /** One test's stream, KCL application (lease table) and topics, all with unique names. */
  private final class Run {

    final String stream;
    final String application;
    final Topics topics;
    final Map<String, String> settings = new HashMap<>();

    Run(String purpose, int shards) {
      stream = UniqueNames.topic(purpose);
      application = UniqueNames.applicationId(purpose);
      String prefix = UniqueNames.topic(purpose) + ".";
      settings.put("bootstrap.servers", broker.bootstrapServers());
      settings.put("schema.registry.url", "mock://" + prefix);
      settings.put("topics.prefix", prefix);
      settings.put("topics.partitions", "2");
      topics = new Topics(new TopicsConfig(settings));
      TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());
      kinesis.createStream(stream, shards);
      dynamoDb.createLeaseTable(application);
      settings.put(KinesisIngestConfig.STREAM, stream);
      settings.put(KinesisIngestConfig.APPLICATION_NAME, application);
      settings.put(KinesisIngestConfig.REGION, LocalAws.REGION.id());
      settings.put(KinesisIngestConfig.KINESIS_ENDPOINT, kinesis.endpoint().toString());
      settings.put(KinesisIngestConfig.FAILOVER_TIME_MS, "2000");
      settings.put(KinesisIngestConfig.SHARD_SYNC_INTERVAL_MS, "500");
      settings.put(KinesisIngestConfig.IDLE_BETWEEN_READS_MS, "200");
      settings.put(KinesisIngestConfig.LEADER_LEASE_MS, "4000");
      settings.put(KinesisIngestConfig.SHUTDOWN_TIMEOUT_MS, "20000");
    }

    StreamWriter writer() {
      return new StreamWriter(kinesis.client(), stream);
    }

    Worker startWorker(Map<String, String> overrides) {
      Map<String, String> all = new HashMap<>(settings);
      all.putAll(overrides);
      KinesisIngestConfig config = new KinesisIngestConfig(all);
      // The lease table lives in the embedded DynamoDB, which has no endpoint to point at.
      WorkerClients workerClients =
          new WorkerClients(
              WorkerClients.kinesis(config), dynamoDb.client(), WorkerClients.cloudWatch(config));
      return new Worker(
          KinesisIngest.start(
              config, workerClients, new IngestConfig(all), topics, new IngestCounters()),
          workerClients);
    }
  }
}
