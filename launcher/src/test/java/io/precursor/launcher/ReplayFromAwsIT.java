package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.MetricPollerConfig;
import io.precursor.scenarios.Scenarios;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.aws.ExportsOnLocalAws;
import io.precursor.testkit.aws.LocalAwsServer.Failure;
import io.precursor.testkit.aws.LocalCloudWatch;
import io.precursor.testkit.aws.LocalCloudWatchLogs;
import io.precursor.testkit.aws.LocalRds;
import io.precursor.testkit.aws.TestAwsCredentials;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --source aws}, the real SDK clients reading local CloudWatch Logs, CloudWatch and
 * RDS that hold the seed-000 scenario, finds what {@code replay --source files} finds in the
 * scenario's exports.
 */
@ExtendWith(TestBrokerExtension.class)
class ReplayFromAwsIT {

  private static final String FROM = "2026-11-17T08:30:00Z";
  private static final String TO = "2026-11-17T10:30:00Z";

  private final TestBroker broker;
  private final LocalCloudWatchLogs logs = new LocalCloudWatchLogs();
  private final LocalCloudWatch cloudWatch = new LocalCloudWatch();
  private final LocalRds rds = new LocalRds();

  ReplayFromAwsIT(TestBroker broker) {
    this.broker = broker;
  }

  @AfterEach
  void stopStandIns() {
    logs.close();
    cloudWatch.close();
    rds.close();
    assertThat(logs.protocolProblems()).isEmpty();
    assertThat(cloudWatch.protocolProblems()).isEmpty();
    assertThat(rds.protocolProblems()).isEmpty();
  }

  @Test
  void shouldFindTheSamePrecursorsAndIncidentsReadingAwsAsReadingTheExports(@TempDir Path dir)
      throws Exception {
    // given AWS holding what the seed-000 exports hold, answering in pages and throttling once
    Path seed = dir.resolve("seed-000");
    Scenarios.write("seed-000", seed);
    ExportsOnLocalAws.load(seed, logs, cloudWatch, rds);
    logs.pageCapacity(500);
    logs.failNext(Failure.THROTTLING);
    TestAwsCredentials.useForDefaultChain();
    ReplayRun files =
        ReplayRun.on(
            broker.bootstrapServers(),
            "--source",
            "files",
            "--dir",
            seed.toString(),
            "--from",
            FROM,
            "--to",
            TO,
            "--cluster",
            "ads-prod",
            "--timeout",
            "PT3M",
            "--out",
            dir.resolve("replay-files").toString());

    // when the same window is replayed from AWS
    ReplayRun aws =
        ReplayRun.on(
            broker.bootstrapServers(),
            "--source",
            "aws",
            "--from",
            FROM,
            "--to",
            TO,
            "--cluster",
            "ads-prod",
            "--timeout",
            "PT3M",
            "--out",
            dir.resolve("replay-aws").toString(),
            "--set",
            AwsPollConfig.REGION + "=us-east-1",
            "--set",
            AwsPollConfig.LOGS_ENDPOINT + "=" + logs.endpoint(),
            "--set",
            AwsPollConfig.CLOUDWATCH_ENDPOINT + "=" + cloudWatch.endpoint(),
            "--set",
            AwsPollConfig.RDS_ENDPOINT + "=" + rds.endpoint(),
            "--set",
            AwsPollConfig.RETRY_BACKOFF_MS + "=10",
            // the series the seed's metric queries file names
            "--set",
            MetricPollerConfig.INSTANCE_METRICS + "=" + SEED_INSTANCE_METRICS,
            "--set",
            MetricPollerConfig.CLUSTER_METRICS + "=FreeableMemory,CPUUtilization");

    // then both find the seed's precursor and failover, field for field
    assertThat(files.result().precursors())
        .extracting(FailoverPrecursor::getKind)
        .map(Object::toString)
        .containsExactly("BULK_DML_MEMORY_PRESSURE");
    assertThat(files.result().incidents()).hasSize(1);
    assertThat(aws.result().precursors())
        .map(FailoverPrecursor::toString)
        .containsExactlyElementsOf(
            files.result().precursors().stream().map(FailoverPrecursor::toString).toList());
    assertThat(aws.result().incidents())
        .map(Incident::toString)
        .containsExactlyElementsOf(
            files.result().incidents().stream().map(Incident::toString).toList());
    assertThat(aws.command().output())
        .contains("BULK_DML_MEMORY_PRESSURE on ads-prod-1 (18 min 31 s)")
        .containsPattern("AWS calls: \\d+ DescribeEvents, \\d+ FilterLogEvents, \\d+ GetMetricData")
        .contains("1 throttled");
    assertThat(logs.requests()).hasSizeGreaterThan(5);
  }

  static final String SEED_INSTANCE_METRICS =
      String.join(
          ",",
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
              "AuroraReplicaLag"));
}
