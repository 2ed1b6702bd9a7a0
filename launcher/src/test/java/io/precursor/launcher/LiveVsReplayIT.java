package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.IngestSink;
import io.precursor.ingest.SubscriptionIngest;
import io.precursor.ingest.events.EventPoller;
import io.precursor.ingest.events.EventPollerConfig;
import io.precursor.ingest.events.EventPosition;
import io.precursor.ingest.files.FileEntries;
import io.precursor.ingest.files.KinesisFileRecord;
import io.precursor.ingest.files.KinesisRecordsFile;
import io.precursor.ingest.kinesis.KinesisIngest;
import io.precursor.ingest.kinesis.KinesisIngestConfig;
import io.precursor.ingest.kinesis.WorkerClients;
import io.precursor.ingest.metrics.AwsClients;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.FleetShare;
import io.precursor.ingest.metrics.MetricPoller;
import io.precursor.ingest.metrics.MetricPollerConfig;
import io.precursor.ingest.metrics.PollOutput;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.scenarios.Scenarios;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.streams.StreamsStage;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.testkit.LocalAws;
import io.precursor.testkit.LocalDynamoDb;
import io.precursor.testkit.LocalKinesis;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.testkit.aws.ExportsOnLocalAws;
import io.precursor.testkit.aws.LocalCloudWatch;
import io.precursor.testkit.aws.LocalCloudWatchLogs;
import io.precursor.testkit.aws.LocalRds;
import io.precursor.testkit.aws.TestAwsCredentials;
import io.precursor.topics.Topic;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * The same input gives the same precursors live as in replay: seed-000 once through the live path —
 * its subscription records on a local Kinesis stream read by a real KCL worker, its metrics and RDS
 * events polled minute by minute from local CloudWatch and RDS, the topology on the broker — and
 * once through {@code precursor replay} of its exports.
 */
@ExtendWith(TestBrokerExtension.class)
class LiveVsReplayIT {

  private static final String CLUSTER = "ads-prod";
  private static final int PUT_BATCH = 100;
  private static final Duration PUT_DEADLINE = Duration.ofMinutes(3);
  // KCL's random first-sync delay (up to 30 s), lease taking, then 1,566 records on a busy machine
  private static final Duration WORKER_DEADLINE = Duration.ofMinutes(4);

  private final TestBroker broker;

  LiveVsReplayIT(TestBroker broker) {
    this.broker = broker;
  }

  @Test
  void shouldFindTheSamePrecursorsLiveThroughKclAsInReplayOfTheExports(@TempDir Path dir)
      throws Exception {
    Path seed = dir.resolve("seed-000");
    ScenarioManifest manifest = Scenarios.write("seed-000", seed);

    ReplayResult live = live(seed, manifest, dir.resolve("live-state"));
    ReplayRun replay =
        ReplayRun.on(
            broker.bootstrapServers(),
            "--source",
            "files",
            "--dir",
            seed.toString(),
            "--from",
            manifest.windowStart().toString(),
            "--to",
            manifest.windowEnd().toString(),
            "--cluster",
            CLUSTER,
            "--timeout",
            "PT3M",
            "--out",
            dir.resolve("replay-report").toString());

    assertThat(live.precursors())
        .extracting(FailoverPrecursor::getKind)
        .map(Object::toString)
        .containsExactly("BULK_DML_MEMORY_PRESSURE");
    assertThat(live.incidents())
        .singleElement()
        .satisfies(i -> assertThat(i.getPrecursors()).hasSize(1));
    // ids, kinds, severities, windows, evidence and lead times: every field
    assertThat(replay.result().precursors())
        .map(FailoverPrecursor::toString)
        .containsExactlyElementsOf(
            live.precursors().stream().map(FailoverPrecursor::toString).toList());
    assertThat(replay.result().incidents())
        .map(Incident::toString)
        .containsExactlyElementsOf(live.incidents().stream().map(Incident::toString).toList());
  }

  /** Runs seed-000 through the live path and reads back what the topology produced. */
  private ReplayResult live(Path seed, ScenarioManifest manifest, Path state) throws Exception {
    LocalAws.useFakeCredentialsForDefaultChain();
    String prefix = UniqueNames.topic("live") + ".";
    String application = UniqueNames.applicationId("live-kcl");
    String stream = UniqueNames.topic("live-subscription");
    Map<String, String> settings = new HashMap<>();
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://" + prefix);
    settings.put(TopicsConfig.TOPIC_PREFIX, prefix);
    settings.put(TopicsConfig.REPLICATION_FACTOR, "1");
    Topics topics = new Topics(new TopicsConfig(settings));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());

    try (LocalKinesis kinesis = LocalKinesis.start();
        LocalDynamoDb dynamoDb = LocalDynamoDb.start();
        LocalCloudWatchLogs unusedLogs = new LocalCloudWatchLogs();
        LocalCloudWatch cloudWatch = new LocalCloudWatch();
        LocalRds rds = new LocalRds();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      ExportsOnLocalAws.load(seed, unusedLogs, cloudWatch, rds);
      // what the metric poller's discovery finds: the cluster and its two instances
      rds.add(
          new LocalRds.Cluster(
              CLUSTER,
              "aurora-mysql",
              List.of(
                  new LocalRds.Member("ads-prod-1", true),
                  new LocalRds.Member("ads-prod-2", false)),
              Map.of()));
      for (String instance : List.of("ads-prod-1", "ads-prod-2")) {
        rds.add(new LocalRds.Instance(instance, CLUSTER, "aurora-mysql", Map.of()));
      }

      // the subscription filter's records, in order, on one shard
      kinesis.createStream(stream, 1);
      dynamoDb.createLeaseTable(application);
      List<KinesisFileRecord> records = new ArrayList<>();
      try (FileEntries<KinesisFileRecord> read = KinesisRecordsFile.read(seed.resolve("kinesis"))) {
        read.drain(
            records::add,
            error -> {
              throw new AssertionError(error.toString());
            });
      }
      putInOrder(kinesis, stream, records);
      long expectedLogRecords = logRecordsOf(records, topics);

      Map<String, String> kcl = new HashMap<>(settings);
      kcl.put(KinesisIngestConfig.STREAM, stream);
      kcl.put(KinesisIngestConfig.APPLICATION_NAME, application);
      kcl.put(KinesisIngestConfig.REGION, LocalAws.REGION.id());
      kcl.put(KinesisIngestConfig.KINESIS_ENDPOINT, kinesis.endpoint().toString());
      kcl.put(KinesisIngestConfig.FAILOVER_TIME_MS, "2000");
      kcl.put(KinesisIngestConfig.SHARD_SYNC_INTERVAL_MS, "500");
      kcl.put(KinesisIngestConfig.IDLE_BETWEEN_READS_MS, "200");
      kcl.put(KinesisIngestConfig.LEADER_LEASE_MS, "4000");
      KinesisIngestConfig kclConfig = new KinesisIngestConfig(kcl);
      WorkerClients clients =
          new WorkerClients(
              WorkerClients.kinesis(kclConfig),
              dynamoDb.client(),
              WorkerClients.cloudWatch(kclConfig));
      try (KinesisIngest worker =
          KinesisIngest.start(
              kclConfig, clients, new IngestConfig(kcl), topics, new IngestCounters())) {
        // KCL waits up to 30 s before its first shard sync: the pollers run meanwhile.
        pollMinuteByMinute(settings, topics, manifest, cloudWatch, rds);
        Awaitility.await("every slow-query and error-log record of the stream on Kafka")
            .atMost(WORKER_DEADLINE)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    endOffsets(admin, topics.slowQueries().name())
                            + endOffsets(admin, topics.errorLog().name())
                        >= expectedLogRecords);
        worker.close();
        assertThat(worker.failure()).isEmpty();
      } finally {
        clients.kinesis().close();
        clients.cloudWatch().close();
      }

      String applicationId = UniqueNames.applicationId("live-streams");
      Map<String, String> streamsSettings = new HashMap<>(settings);
      streamsSettings.put(StreamsStageConfig.APPLICATION_ID, applicationId);
      streamsSettings.put(StreamsStageConfig.STATE_DIR, state.toString());
      try (StreamsStage streams = new StreamsStage(streamsSettings)) {
        streams.start();
        List<String> inputs =
            streams.sourceTopics().stream().filter(t -> !t.endsWith("-repartition")).toList();
        assertThat(
                new TopologyCatchUp(admin, applicationId, inputs)
                    .await(
                        Duration.ofMinutes(3), () -> streams.state() == KafkaStreams.State.ERROR))
            .isTrue();
      }
    }
    return ReplayResult.read(broker.bootstrapServers(), topics);
  }

  /**
   * The metric and event pollers as they run live, once a minute over the scenario's window, each
   * poll reading its overlap of the recent past (on a clock that walks through the window).
   */
  private static void pollMinuteByMinute(
      Map<String, String> settings,
      Topics topics,
      ScenarioManifest manifest,
      LocalCloudWatch cloudWatch,
      LocalRds rds) {
    Map<String, String> poll = new HashMap<>(settings);
    poll.put(AwsPollConfig.REGION, "us-east-1");
    poll.put(AwsPollConfig.CLOUDWATCH_ENDPOINT, cloudWatch.endpoint().toString());
    poll.put(AwsPollConfig.RDS_ENDPOINT, rds.endpoint().toString());
    poll.put(MetricPollerConfig.DISCOVER, "true");
    poll.put(MetricPollerConfig.INSTANCE_METRICS, ReplayFromAwsIT.SEED_INSTANCE_METRICS);
    poll.put(MetricPollerConfig.CLUSTER_METRICS, "FreeableMemory,CPUUtilization");
    AwsPollConfig aws = new AwsPollConfig(poll);
    MetricPollerConfig metricConfig = new MetricPollerConfig(poll);
    EventPollerConfig eventConfig = new EventPollerConfig(poll);
    AtomicReference<Instant> now = new AtomicReference<>(manifest.windowStart());
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now.get();
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    TestAwsCredentials.useForDefaultChain();
    try (var cloudWatchClient = AwsClients.cloudWatch(aws, TestAwsCredentials.PROVIDER);
        var rdsClient = AwsClients.rds(aws, TestAwsCredentials.PROVIDER);
        IngestPublisher metricsOut = new IngestPublisher(new IngestConfig(poll), topics);
        IngestPublisher eventsOut = new IngestPublisher(new IngestConfig(poll), topics)) {
      MetricPoller metrics =
          new MetricPoller(
              metricConfig,
              FleetShare.ALL,
              cloudWatchClient,
              rdsClient,
              aws.retry(),
              topics.metrics(),
              PollOutput.of(metricsOut),
              clock);
      EventPoller events =
          new EventPoller(
              eventConfig,
              FleetShare.ALL,
              rdsClient,
              aws.retry(),
              topics.dbEvents(),
              PollOutput.of(eventsOut),
              clock,
              EventPosition.startingAt(manifest.windowStart(), eventConfig.overlap()));
      for (Instant t = manifest.windowStart().plusSeconds(90);
          !t.isAfter(manifest.windowEnd().plusSeconds(90));
          t = t.plusSeconds(60)) {
        now.set(t);
        metrics.poll();
        events.poll();
      }
    }
  }

  /**
   * Puts the subscription records on the stream in order, in modest batches (kinesis-local is slow
   * under load), re-putting any record it refused until every one is on.
   */
  private static void putInOrder(
      LocalKinesis kinesis, String stream, List<KinesisFileRecord> records) {
    for (int from = 0; from < records.size(); from += PUT_BATCH) {
      List<KinesisFileRecord> batch =
          records.subList(from, Math.min(records.size(), from + PUT_BATCH));
      AtomicReference<List<KinesisFileRecord>> pending = new AtomicReference<>(batch);
      Awaitility.await("records " + from + ".. accepted by stream " + stream)
          .atMost(PUT_DEADLINE)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                List<KinesisFileRecord> call = pending.get();
                PutRecordsResponse response =
                    kinesis
                        .client()
                        .putRecords(
                            b ->
                                b.streamName(stream)
                                    .records(call.stream().map(LiveVsReplayIT::entry).toList()))
                        .join();
                List<KinesisFileRecord> refused = new ArrayList<>();
                for (int k = 0; k < call.size(); k++) {
                  if (response.records().get(k).errorCode() != null) {
                    refused.add(call.get(k));
                  }
                }
                pending.set(refused);
                return refused.isEmpty();
              });
    }
  }

  private static PutRecordsRequestEntry entry(KinesisFileRecord record) {
    return PutRecordsRequestEntry.builder()
        .data(SdkBytes.fromByteArray(record.data()))
        .partitionKey(record.partitionKey())
        .build();
  }

  /**
   * How many slow-query and error-log records the worker publishes for {@code records}: what the
   * same decoding publishes when handed them one by one, as KCL does.
   */
  private static long logRecordsOf(List<KinesisFileRecord> records, Topics topics) {
    Set<String> logTopics = Set.of(topics.slowQueries().name(), topics.errorLog().name());
    AtomicLong published = new AtomicLong();
    SubscriptionIngest decoding =
        new SubscriptionIngest(
            new IngestConfig(Map.of("bootstrap.servers", "unused:9092")),
            topics,
            new IngestCounters());
    IngestSink counting =
        new IngestSink() {
          @Override
          public <V> void publish(Topic<String, V> topic, String key, V value, Instant at) {
            if (logTopics.contains(topic.name())) {
              published.incrementAndGet();
            }
          }

          @Override
          public void deadLetter(String source, String reason, Throwable error, byte[] raw) {}
        };
    for (KinesisFileRecord record : records) {
      decoding.accept(record.data(), "count", counting);
    }
    return published.get();
  }

  private static long endOffsets(Admin admin, String topic) throws Exception {
    var partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(
        p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
  }
}
