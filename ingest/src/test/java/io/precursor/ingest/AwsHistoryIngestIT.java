package io.precursor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.ingest.events.EventHistory;
import io.precursor.ingest.history.AwsCallTally;
import io.precursor.ingest.history.HistoryRequest;
import io.precursor.ingest.history.LogGroupHistory;
import io.precursor.ingest.metrics.AwsClients;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.AwsRetry;
import io.precursor.ingest.metrics.MetricCatalogue;
import io.precursor.ingest.metrics.MetricHistory;
import io.precursor.scenarios.BundledScenarios;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.testkit.aws.ExportsOnLocalAws;
import io.precursor.testkit.aws.LocalAwsServer.Failure;
import io.precursor.testkit.aws.LocalCloudWatch;
import io.precursor.testkit.aws.LocalCloudWatchLogs;
import io.precursor.testkit.aws.LocalRds;
import io.precursor.testkit.aws.TestAwsCredentials;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.SourceType;

/**
 * Reading a window straight from AWS — the real SDK clients against local CloudWatch Logs,
 * CloudWatch and RDS holding what the seed-000 exports hold — yields the records the exports do.
 */
class AwsHistoryIngestIT {

  // The seed-000 exports' metric queries, so both sources read the same series.
  private static final MetricCatalogue SEED_SERIES =
      new MetricCatalogue(
          List.of(
              "FreeableMemory",
              "CPUUtilization",
              "DiskQueueDepth",
              "ReadIOPS",
              "WriteIOPS",
              "ReadLatency",
              "WriteLatency",
              "CommitLatency",
              "DMLLatency",
              "DatabaseConnections",
              "Deadlocks",
              "BufferCacheHitRatio",
              "SwapUsage",
              "AuroraReplicaLag"),
          List.of("FreeableMemory", "CPUUtilization", "AuroraReplicaLagMaximum"),
          List.of("WRITER"),
          List.of("Average"));

  private final LocalCloudWatchLogs logs = new LocalCloudWatchLogs();
  private final LocalCloudWatch cloudWatch = new LocalCloudWatch();
  private final LocalRds rds = new LocalRds();
  private final AwsPollConfig aws =
      new AwsPollConfig(
          Map.of(
              AwsPollConfig.REGION, "us-east-1",
              AwsPollConfig.LOGS_ENDPOINT, logs.endpoint().toString(),
              AwsPollConfig.CLOUDWATCH_ENDPOINT, cloudWatch.endpoint().toString(),
              AwsPollConfig.RDS_ENDPOINT, rds.endpoint().toString()));
  private final CloudWatchLogsClient logsClient = AwsClients.logs(aws, TestAwsCredentials.PROVIDER);
  private final CloudWatchClient cloudWatchClient =
      AwsClients.cloudWatch(aws, TestAwsCredentials.PROVIDER);
  private final RdsClient rdsClient = AwsClients.rds(aws, TestAwsCredentials.PROVIDER);
  private final AwsRetry retry =
      new AwsRetry(4, Duration.ofMillis(100), Duration.ofSeconds(1), duration -> {}, () -> 0.5);
  private final Topics topics =
      new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://aws-history-it")));
  private final IngestConfig config = new IngestConfig(Map.of("bootstrap.servers", "unused:9092"));
  private ScenarioManifest seed;
  private Path exports;

  @BeforeEach
  void loadSeed000(@TempDir Path dir) throws Exception {
    exports = dir;
    seed = BundledScenarios.extract("seed-000", dir);
    ExportsOnLocalAws.Loaded loaded = ExportsOnLocalAws.load(dir, logs, cloudWatch, rds);
    assertThat(loaded.logEvents()).isGreaterThan(2000);
    assertThat(loaded.datapoints()).isGreaterThan(3000);
    assertThat(loaded.rdsEvents()).isPositive();
  }

  @AfterEach
  void stopStandIns() {
    logsClient.close();
    cloudWatchClient.close();
    rdsClient.close();
    logs.close();
    cloudWatch.close();
    rds.close();
    assertThat(logs.protocolProblems()).isEmpty();
    assertThat(cloudWatch.protocolProblems()).isEmpty();
    assertThat(rds.protocolProblems()).isEmpty();
  }

  @Test
  void shouldYieldTheRecordsOfTheExportsWhenReadingTheSameWindowFromAws() throws Exception {
    // given AWS answering in small pages, with an empty page first and throttling on the way
    logs.pageCapacity(150);
    logs.emptyPagesFirst(1);
    logs.failNext(Failure.THROTTLING, Failure.THROTTLING);
    cloudWatch.pageCapacity(500);
    cloudWatch.failNext(Failure.THROTTLING);
    rds.maxPerPage(2);
    rds.failNext(Failure.SERVER_ERROR);
    RecordingSink fromFiles = new RecordingSink();
    new ExportIngest(config, topics, new IngestCounters()).ingest(exports, fromFiles);

    // when the seed's window is read from AWS
    RecordingSink fromAws = new RecordingSink();
    IngestCounters counters = new IngestCounters();
    AwsCallTally tally =
        ingest(counters)
            .ingest(
                new HistoryRequest(
                    seed.windowStart(), seed.windowEnd(), "ads-prod", null, List.of()),
                fromAws);

    // then the records are the same, in event-time order, and the calls paged and retried
    assertThat(fromAws.dead).isEmpty();
    assertThat(fromAws.published)
        .isSortedAccordingTo(Comparator.comparing(RecordingSink.Published::time));
    assertThat(sorted(fromAws.published)).isEqualTo(sorted(fromFiles.published));
    assertThat(counters.slowQueries()).isGreaterThan(2000);
    assertThat(tally.throttles()).isEqualTo(3);
    assertThat(tally.serverErrors()).isEqualTo(1);
    assertThat(tally.requests(LogGroupHistory.OPERATION))
        .as(
            "per log group an empty first page, then pages of 150: 2561 slow-log and 27 error events")
        .isEqualTo(logs.requests().size())
        .isEqualTo(1 + 18 + 1 + 1);
    assertThat(logs.requests())
        .extracting(r -> r.path("logGroupName").asText())
        .containsOnly("/aws/rds/cluster/ads-prod/slowquery", "/aws/rds/cluster/ads-prod/error");
    assertThat(logs.requests())
        .allSatisfy(
            r ->
                assertThat(r.path("endTime").asLong())
                    .isEqualTo(seed.windowEnd().toEpochMilli() - 1));
  }

  @Test
  void shouldReadOnlyTheInstanceStreamOfTheClusterLogGroupsWhenAnInstanceIsAsked() {
    RecordingSink fromAws = new RecordingSink();

    ingest(new IngestCounters())
        .ingest(
            new HistoryRequest(
                seed.windowStart(), seed.windowEnd(), "ads-prod", "ads-prod-2", List.of()),
            fromAws);

    assertThat(logs.requests())
        .allSatisfy(
            r -> assertThat(r.path("logStreamNames").toString()).isEqualTo("[\"ads-prod-2\"]"));
    assertThat(fromAws.published)
        .filteredOn(p -> p.topic().equals(topics.slowQueries().name()))
        .extracting(RecordingSink.Published::key)
        .isNotEmpty()
        .containsOnly("ads-prod-2");
  }

  @Test
  void shouldFailWithAwsErrorWhenThrottlingOutlastsTheRetries() {
    logs.failNext(Failure.THROTTLING, Failure.THROTTLING, Failure.THROTTLING, Failure.THROTTLING);

    assertThatThrownBy(
            () ->
                ingest(new IngestCounters())
                    .ingest(
                        new HistoryRequest(
                            seed.windowStart(), seed.windowEnd(), "ads-prod", null, List.of()),
                        new RecordingSink()))
        .hasMessageContaining("Rate exceeded");
  }

  @Test
  void shouldSayWhichLogGroupDoesNotExist() {
    assertThatThrownBy(
            () ->
                ingest(new IngestCounters())
                    .ingest(
                        new HistoryRequest(
                            seed.windowStart(),
                            seed.windowEnd(),
                            "no-such-cluster",
                            null,
                            List.of()),
                        new RecordingSink()))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private AwsHistoryIngest ingest(IngestCounters counters) {
    return new AwsHistoryIngest(
        config,
        topics,
        counters,
        new LogGroupHistory(logsClient, retry),
        new MetricHistory(cloudWatchClient, retry, 500),
        SEED_SERIES,
        new EventHistory(
            rdsClient, retry, List.of(SourceType.DB_CLUSTER, SourceType.DB_INSTANCE), 20));
  }

  private static List<String> sorted(List<RecordingSink.Published> published) {
    return published.stream()
        .map(p -> p.topic() + " " + p.key() + " " + p.time() + " " + p.value())
        .sorted()
        .toList();
  }
}
