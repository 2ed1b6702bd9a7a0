package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.precursor.ingest.IngestPublishException;
import io.precursor.ingest.aws.FakeAws;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import io.precursor.testkit.aws.LocalAwsServer.Failure;
import io.precursor.testkit.aws.LocalCloudWatch;
import io.precursor.testkit.aws.LocalRds;
import io.precursor.testkit.aws.LocalRds.Cluster;
import io.precursor.testkit.aws.LocalRds.Instance;
import io.precursor.testkit.aws.LocalRds.Member;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.rds.RdsClient;

/** The metric poller driving the real SDK clients against local CloudWatch and RDS stand-ins. */
class MetricPollerProtocolIT {

  // Polls at 09:10:30 read [09:05, 09:10): five whole minutes, the current one left out.
  private static final Instant NOW = Instant.parse("2026-11-17T09:10:30Z");
  private static final Instant WINDOW_START = Instant.parse("2026-11-17T09:05:00Z");

  private final LocalCloudWatch cloudWatch = new LocalCloudWatch();
  private final LocalRds rds = new LocalRds();
  private final CloudWatchClient cloudWatchClient = FakeAws.cloudWatch(cloudWatch);
  private final RdsClient rdsClient = FakeAws.rds(rds);
  private final ManualClock clock = new ManualClock(NOW);
  private final RecordingOutput output = new RecordingOutput();
  private final List<Duration> backoffs = new ArrayList<>();
  private final Topics topics =
      new Topics(new TopicsConfig(Map.of(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://protocol-it")));

  @AfterEach
  void stopStandIns() {
    cloudWatchClient.close();
    rdsClient.close();
    cloudWatch.close();
    rds.close();
    assertThat(cloudWatch.protocolProblems()).isEmpty();
    assertThat(rds.protocolProblems()).isEmpty();
  }

  @Test
  void shouldReadEveryPageAndPublishEachDatapointOnceOldestFirst() {
    // given five minutes of two instance metrics and one cluster metric, and datapoints just
    // outside the window on both sides
    for (int minute = 4; minute <= 10; minute++) {
      Instant t = at(minute);
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", t, 9e9 - minute * 1e8);
      cloudWatch.putInstance("ads-prod-1", "CPUUtilization", t, 40 + minute);
      cloudWatch.putCluster("ads-prod", "CommitLatency", t, 3.5 + minute);
    }
    cloudWatch.pageCapacity(4);
    MetricPoller poller =
        poller(
            Map.of(
                MetricPollerConfig.INSTANCES, "ads-prod-1",
                MetricPollerConfig.CLUSTERS, "ads-prod",
                MetricPollerConfig.INSTANCE_METRICS, "FreeableMemory,CPUUtilization",
                MetricPollerConfig.CLUSTER_METRICS, "CommitLatency",
                MetricPollerConfig.CLUSTER_ROLES, ""),
            FleetShare.ALL);

    // when
    MetricPollReport report = poller.poll();

    // then four pages of at most four datapoints were read, each page asking with the last token
    List<JsonNode> requests = cloudWatch.requests();
    assertThat(requests).hasSize(4);
    assertThat(requests.get(0).has("NextToken")).isFalse();
    assertThat(requests.subList(1, 4)).allMatch(r -> r.path("NextToken").isTextual());
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(LocalCloudWatch.epoch(r.path("StartTime"))).isEqualTo(WINDOW_START);
              assertThat(LocalCloudWatch.epoch(r.path("EndTime"))).isEqualTo(at(10));
              assertThat(r.path("MetricDataQueries")).hasSize(3);
            });
    List<MetricSample> samples = output.values(MetricSample.class);
    assertThat(samples).hasSize(15);
    assertThat(series(samples, "ads-prod-1", "FreeableMemory"))
        .extracting(MetricSample::getTime, MetricSample::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(at(5), 8.5e9),
            org.assertj.core.groups.Tuple.tuple(at(6), 8.4e9),
            org.assertj.core.groups.Tuple.tuple(at(7), 8.3e9),
            org.assertj.core.groups.Tuple.tuple(at(8), 8.2e9),
            org.assertj.core.groups.Tuple.tuple(at(9), 8.1e9));
    MetricSample commit = series(samples, "ads-prod", "CommitLatency").get(0);
    assertThat(commit.getScope()).isEqualTo(MetricScope.CLUSTER);
    assertThat(commit.getCluster()).isEqualTo("ads-prod");
    assertThat(commit.getValue()).isEqualTo(8.5);
    assertThat(samples)
        .allSatisfy(
            s -> {
              assertThat(s.getRevision()).isFalse();
              assertThat(s.getPeriodSeconds()).isEqualTo(60);
              assertThat(s.getStatistic()).isEqualTo("Average");
            });
    assertThat(output.published())
        .allSatisfy(
            p -> {
              assertThat(p.key()).isEqualTo(((MetricSample) p.value()).getInstance());
              assertThat(p.time()).isEqualTo(((MetricSample) p.value()).getTime());
              assertThat(p.topic()).isEqualTo(topics.metrics().name());
            });
    assertThat(output.acknowledgements()).isEqualTo(1);
    assertThat(report.requests()).isEqualTo(4);
    assertThat(report.datapoints()).isEqualTo(15);
    assertThat(report.published()).isEqualTo(15);
    assertThat(report.lag()).contains(Duration.ofSeconds(90));
  }

  @Test
  void shouldBackOffAndRetryWhenCloudWatchThrottlesOrFails() {
    cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(9), 8e9);
    cloudWatch.failNext(Failure.THROTTLING, Failure.SERVER_ERROR);
    MetricPoller poller = poller(oneInstance("FreeableMemory"), FleetShare.ALL);

    MetricPollReport report = poller.poll();

    assertThat(report.throttles()).isEqualTo(1);
    assertThat(report.serverErrors()).isEqualTo(1);
    assertThat(backoffs).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(output.values(MetricSample.class))
        .extracting(MetricSample::getValue)
        .containsExactly(8e9);
  }

  @Test
  void shouldPublishOnlyRevisedAndNewDatapointsOnTheNextOverlappingPoll() {
    // given a first poll that published 09:05 to 09:09
    for (int minute = 5; minute <= 9; minute++) {
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(minute), 9e9);
    }
    MetricPoller poller = poller(oneInstance("FreeableMemory"), FleetShare.ALL);
    poller.poll();
    output.clear();

    // when CloudWatch revises 09:08, adds 09:10, and the next poll runs a minute later
    cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(8), 7.5e9);
    cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(10), 7e9);
    clock.advance(Duration.ofMinutes(1));
    MetricPollReport report = poller.poll();

    // then only the revision and the new minute are published
    assertThat(output.values(MetricSample.class))
        .extracting(MetricSample::getTime, MetricSample::getValue, MetricSample::getRevision)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(at(8), 7.5e9, true),
            org.assertj.core.groups.Tuple.tuple(at(10), 7e9, false));
    assertThat(report.revisions()).isEqualTo(1);
    assertThat(report.duplicatesDropped()).isEqualTo(3);
    assertThat(report.published()).isEqualTo(2);
  }

  @Test
  void shouldPublishNothingForAMetricCloudWatchDoesNotKnowAndCarryOn() {
    cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(9), 8e9);
    MetricPoller poller = poller(oneInstance("NoSuchMetric,FreeableMemory"), FleetShare.ALL);

    MetricPollReport report = poller.poll();

    assertThat(cloudWatch.requests().get(0).path("MetricDataQueries"))
        .extracting(q -> q.path("MetricStat").path("Metric").path("MetricName").asText())
        .containsExactly("NoSuchMetric", "FreeableMemory");
    assertThat(output.values(MetricSample.class))
        .extracting(MetricSample::getMetric)
        .containsExactly("FreeableMemory");
    assertThat(report.failedQueries()).isZero();
  }

  @Test
  void shouldSendAtMostFiveHundredQueriesPerRequest() {
    String sixty = String.join(",", IntStream.range(0, 60).mapToObj(i -> "db-" + i).toList());
    String ten = String.join(",", MetricPollerConfig.DEFAULT_INSTANCE_METRICS.subList(0, 10));
    MetricPoller poller =
        poller(
            Map.of(MetricPollerConfig.INSTANCES, sixty, MetricPollerConfig.INSTANCE_METRICS, ten),
            FleetShare.ALL);

    MetricPollReport report = poller.poll();

    // 60 instances × 10 instance metrics
    assertThat(report.series()).isEqualTo(600);
    assertThat(cloudWatch.requests())
        .extracting(r -> r.path("MetricDataQueries").size())
        .containsExactly(500, 100);
  }

  @Test
  void shouldDiscoverTheTaggedFleetPageByPageAndNameEachInstancesCluster() {
    // given clusters and instances of several engines and teams, one item per page
    rds.add(
        new Cluster(
            "ads-prod",
            "aurora-mysql",
            List.of(new Member("ads-prod-1", true), new Member("ads-prod-2", false)),
            Map.of("team", "ads")));
    rds.add(new Cluster("billing", "aurora-mysql", List.of(), Map.of("team", "billing")));
    rds.add(new Cluster("ads-pg", "aurora-postgresql", List.of(), Map.of("team", "ads")));
    rds.add(new Instance("ads-prod-1", "ads-prod", "aurora-mysql", Map.of()));
    rds.add(new Instance("ads-prod-2", "ads-prod", "aurora-mysql", Map.of()));
    rds.add(new Instance("billing-1", "billing", "aurora-mysql", Map.of("team", "billing")));
    rds.add(new Instance("ads-solo", null, "aurora-mysql", Map.of("team", "ads")));
    rds.add(new Instance("ads-pg-1", "ads-pg", "aurora-postgresql", Map.of("team", "ads")));
    rds.maxPerPage(1);
    cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(9), 8e9);
    MetricPoller poller =
        poller(
            Map.of(
                MetricPollerConfig.DISCOVER, "true",
                MetricPollerConfig.DISCOVER_TAGS, "team=ads",
                MetricPollerConfig.INSTANCE_METRICS, "FreeableMemory",
                MetricPollerConfig.CLUSTER_METRICS, "Deadlocks"),
            FleetShare.ALL);

    // when
    poller.poll();

    // then the aurora-mysql clusters and instances tagged team=ads, and the instances of a kept
    // cluster, are polled
    assertThat(queried(cloudWatch.requests()))
        .containsExactlyInAnyOrder(
            "FreeableMemory DBInstanceIdentifier=ads-prod-1",
            "FreeableMemory DBInstanceIdentifier=ads-prod-2",
            "FreeableMemory DBInstanceIdentifier=ads-solo",
            "Deadlocks DBClusterIdentifier=ads-prod",
            "Deadlocks DBClusterIdentifier=ads-prod Role=WRITER");
    assertThat(output.values(MetricSample.class))
        .singleElement()
        .satisfies(s -> assertThat(s.getCluster()).isEqualTo("ads-prod"));
    assertThat(rds.calls("DescribeDBClusters"))
        .hasSize(2)
        .allSatisfy(
            c -> {
              assertThat(c.params()).containsEntry("Filters.Filter.1.Name", "engine");
              assertThat(c.params())
                  .containsEntry("Filters.Filter.1.Values.Value.1", "aurora-mysql");
            });
    assertThat(rds.calls("DescribeDBClusters").get(1).params()).containsKey("Marker");
    assertThat(rds.calls("DescribeDBInstances")).hasSize(4);

    // and the next poll, within the discovery interval, does not ask RDS again
    clock.advance(Duration.ofMinutes(1));
    poller.poll();
    assertThat(rds.calls()).hasSize(6);
  }

  @Test
  void shouldSplitTheFleetBetweenReplicasWithoutPollingAnySeriesTwice() {
    List<String> fleet = IntStream.range(0, 20).mapToObj(i -> "db-" + i).toList();
    fleet.forEach(i -> cloudWatch.putInstance(i, "FreeableMemory", at(9), 8e9));
    Map<String, String> settings =
        Map.of(
            MetricPollerConfig.INSTANCES,
            String.join(",", fleet),
            MetricPollerConfig.INSTANCE_METRICS,
            "FreeableMemory");
    RecordingOutput second = new RecordingOutput();

    poller(settings, new FleetShare(0, 2)).poll();
    poller(settings, new FleetShare(1, 2), second).poll();

    Set<String> first = instances(output);
    Set<String> other = instances(second);
    assertThat(first).doesNotContainAnyElementsOf(other).isNotEmpty();
    assertThat(other).isNotEmpty();
    Set<String> union = new HashSet<>(first);
    union.addAll(other);
    assertThat(union).containsExactlyInAnyOrderElementsOf(fleet);
    assertThat(cloudWatch.requests()).hasSize(2);
  }

  @Test
  void shouldRememberOnlyTheOverlapWindow() {
    MetricPoller poller = poller(oneInstance("FreeableMemory"), FleetShare.ALL);
    MetricPollReport report = null;

    for (int poll = 0; poll < 30; poll++) {
      cloudWatch.putInstance(
          "ads-prod-1", "FreeableMemory", clock.instant().minusSeconds(90), poll);
      report = poller.poll();
      clock.advance(Duration.ofMinutes(1));
    }

    // 30 datapoints published, five minutes of them remembered
    assertThat(output.values(MetricSample.class)).hasSize(30);
    assertThat(report.remembered()).isEqualTo(5);
  }

  @Test
  void shouldPublishTheWholeWindowAgainWhenKafkaRefusedThePreviousPoll() {
    for (int minute = 5; minute <= 9; minute++) {
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(minute), 9e9);
    }
    MetricPoller poller = poller(oneInstance("FreeableMemory"), FleetShare.ALL);
    output.refuseNextAcknowledgement();
    assertThatThrownBy(poller::poll).isInstanceOf(IngestPublishException.class);
    output.clear();

    MetricPollReport report = poller.poll();

    assertThat(report.published()).isEqualTo(5);
    assertThat(report.duplicatesDropped()).isZero();
  }

  private MetricPoller poller(Map<String, String> settings, FleetShare share) {
    return poller(settings, share, output);
  }

  private MetricPoller poller(Map<String, String> settings, FleetShare share, PollOutput out) {
    AwsRetry retry =
        new AwsRetry(4, Duration.ofMillis(100), Duration.ofSeconds(1), backoffs::add, () -> 0.5);
    return new MetricPoller(
        new MetricPollerConfig(settings),
        share,
        cloudWatchClient,
        rdsClient,
        retry,
        topics.metrics(),
        out,
        clock);
  }

  private static Map<String, String> oneInstance(String metrics) {
    return Map.of(
        MetricPollerConfig.INSTANCES, "ads-prod-1", MetricPollerConfig.INSTANCE_METRICS, metrics);
  }

  private static Instant at(int minute) {
    return Instant.parse("2026-11-17T09:00:00Z").plus(Duration.ofMinutes(minute));
  }

  private static List<MetricSample> series(
      List<MetricSample> samples, String instance, String metric) {
    return samples.stream()
        .filter(s -> s.getInstance().equals(instance) && s.getMetric().equals(metric))
        .toList();
  }

  private static Set<String> instances(RecordingOutput out) {
    Set<String> instances = new HashSet<>();
    out.values(MetricSample.class).forEach(s -> instances.add(s.getInstance()));
    return instances;
  }

  private static List<String> queried(List<JsonNode> requests) {
    List<String> queried = new ArrayList<>();
    for (JsonNode request : requests) {
      for (JsonNode query : request.path("MetricDataQueries")) {
        JsonNode metric = query.path("MetricStat").path("Metric");
        Map<String, String> dimensions = new HashMap<>();
        StringBuilder text = new StringBuilder(metric.path("MetricName").asText());
        StreamSupport.stream(metric.path("Dimensions").spliterator(), false)
            .forEach(
                d ->
                    text.append(' ')
                        .append(d.path("Name").asText())
                        .append('=')
                        .append(d.path("Value").asText()));
        queried.add(text.toString());
      }
    }
    return queried;
  }
}
