package io.precursor.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.precursor.ingest.aws.FakeAws;
import io.precursor.ingest.metrics.AwsRetry;
import io.precursor.ingest.metrics.FleetShare;
import io.precursor.ingest.metrics.ManualClock;
import io.precursor.ingest.metrics.RecordingOutput;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.testkit.aws.LocalAwsServer.Failure;
import io.precursor.testkit.aws.LocalRds;
import io.precursor.testkit.aws.LocalRds.Instance;
import io.precursor.testkit.aws.LocalRds.RdsEvent;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.RdsClient;

/** The event poller driving the real SDK RDS client against a local RDS stand-in. */
class EventPollerProtocolIT {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");
  private static final Duration OVERLAP = Duration.ofMinutes(10);

  private final LocalRds rds = new LocalRds();
  private final RdsClient client = FakeAws.rds(rds);
  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofHours(1)));
  private final RecordingOutput output = new RecordingOutput();
  private final List<Duration> backoffs = new ArrayList<>();
  private final Topics topics =
      new Topics(new TopicsConfig(Map.of(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://events-it")));

  @AfterEach
  void stopStandIn() {
    client.close();
    rds.close();
    assertThat(rds.protocolProblems()).isEmpty();
  }

  @Test
  void shouldReadEveryPageOfBothSourceTypesAndPublishEachEventOnceOldestFirst() {
    // given 45 cluster events and 3 instance events, 20 to a page
    for (int minute = 1; minute <= 45; minute++) {
      rds.add(clusterEvent("ads-prod", minute, "Cluster event " + minute));
    }
    rds.add(instanceEvent("ads-prod-1", 10, "DB instance shutdown"));
    rds.add(instanceEvent("ads-prod-1", 11, "DB instance restarted"));
    rds.add(clusterEvent("ads-prod", 12, "Started cross AZ failover to DB instance: ads-prod-2"));
    EventPoller poller = poller(FleetShare.ALL, EventPosition.startingAt(T0, OVERLAP), 20);

    // when
    EventPollReport report = poller.poll();

    // then three cluster pages and one instance page were read over [T0 - overlap, now]
    List<LocalRds.Call> calls = rds.calls("DescribeEvents");
    assertThat(calls)
        .extracting(c -> c.params().get("SourceType"))
        .containsExactly("db-cluster", "db-cluster", "db-cluster", "db-instance");
    assertThat(calls.get(0).params()).doesNotContainKey("Marker");
    assertThat(calls.get(1).params().get("Marker")).isNotBlank();
    assertThat(calls)
        .allSatisfy(
            c -> {
              assertThat(Instant.parse(c.params().get("StartTime"))).isEqualTo(T0.minus(OVERLAP));
              assertThat(Instant.parse(c.params().get("EndTime"))).isEqualTo(clock.instant());
              assertThat(c.params()).containsEntry("MaxRecords", "20");
            });
    List<DbEvent> events = output.values(DbEvent.class);
    assertThat(events).hasSize(48).isSortedAccordingTo(Comparator.comparing(DbEvent::getTime));
    assertThat(events)
        .filteredOn(e -> e.getKind() != DbEventKind.OTHER)
        .extracting(DbEvent::getSourceId, DbEvent::getKind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ads-prod-1", DbEventKind.SHUTDOWN),
            org.assertj.core.groups.Tuple.tuple("ads-prod-1", DbEventKind.RESTART),
            org.assertj.core.groups.Tuple.tuple("ads-prod", DbEventKind.FAILOVER_STARTED));
    assertThat(output.published())
        .allSatisfy(
            p -> {
              assertThat(p.key()).isEqualTo(((DbEvent) p.value()).getSourceId());
              assertThat(p.topic()).isEqualTo(topics.dbEvents().name());
            });
    assertThat(report.requests()).isEqualTo(4);
    assertThat(report.received()).isEqualTo(48);
    assertThat(report.published()).isEqualTo(48);
  }

  @Test
  void shouldPublishOnlyWhatIsNewWhenTheNextPollReadsTheOverlapAgain() {
    // given a first poll that published two events
    rds.add(clusterEvent("ads-prod", 50, "Started cross AZ failover to DB instance: ads-prod-2"));
    rds.add(clusterEvent("ads-prod", 55, "Completed failover to DB instance: ads-prod-2"));
    EventPoller poller =
        poller(FleetShare.ALL, EventPosition.startingAt(T0.plusSeconds(45 * 60), OVERLAP), 100);
    poller.poll();
    Instant firstEnd = clock.instant();
    output.clear();

    // when RDS records one event late (dated before the first poll's end) and one new, and the
    // next poll runs a minute later
    rds.add(instanceEvent("ads-prod-1", 58, "DB instance restarted"));
    clock.advance(Duration.ofMinutes(1));
    rds.add(clusterEvent("ads-prod", 61, "DB cluster event after the first poll"));
    EventPollReport report = poller.poll();

    // then it read from the overlap before the first poll's end and published only the two
    assertThat(rds.calls("DescribeEvents").get(2).params().get("StartTime"))
        .isEqualTo(firstEnd.minus(OVERLAP).toString());
    assertThat(output.values(DbEvent.class))
        .extracting(DbEvent::getMessage)
        .containsExactly("DB instance restarted", "DB cluster event after the first poll");
    // 09:50 and 09:55 were read again, inside the overlap
    assertThat(report.duplicatesDropped()).isEqualTo(2);
  }

  @Test
  void shouldBackOffAndRetryWhenRdsThrottles() {
    rds.add(clusterEvent("ads-prod", 50, "Completed failover to DB instance: ads-prod-2"));
    rds.failNext(Failure.THROTTLING);
    EventPoller poller = poller(FleetShare.ALL, EventPosition.startingAt(T0, OVERLAP), 100);

    EventPollReport report = poller.poll();

    assertThat(report.throttles()).isEqualTo(1);
    assertThat(backoffs).containsExactly(Duration.ofMillis(50));
    assertThat(output.values(DbEvent.class))
        .extracting(DbEvent::getKind)
        .containsExactly(DbEventKind.FAILOVER_COMPLETED);
  }

  @Test
  void shouldPublishNothingAndStayPutWhenAPollFails() {
    rds.add(clusterEvent("ads-prod", 50, "Completed failover to DB instance: ads-prod-2"));
    rds.failNext(
        Failure.SERVER_ERROR, Failure.SERVER_ERROR, Failure.SERVER_ERROR, Failure.SERVER_ERROR);
    EventPosition position = EventPosition.startingAt(T0, OVERLAP);
    EventPoller poller = poller(FleetShare.ALL, position, 100);

    assertThatThrownBy(poller::poll).isInstanceOf(AwsServiceException.class);

    assertThat(output.published()).isEmpty();
    assertThat(position.readUntil()).isEqualTo(T0);
    clock.advance(Duration.ofMinutes(1));
    poller.poll();
    assertThat(output.values(DbEvent.class)).hasSize(1);
  }

  @Test
  void shouldSetAsideAnEventWithoutMessageAndPublishTheRest() {
    rds.add(new RdsEvent("ads-prod", "db-cluster", null, List.of(), T0.plusSeconds(60), null));
    rds.add(clusterEvent("ads-prod", 2, "Completed failover to DB instance: ads-prod-2"));
    EventPoller poller = poller(FleetShare.ALL, EventPosition.startingAt(T0, OVERLAP), 100);

    EventPollReport report = poller.poll();

    assertThat(output.deadLetters())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).contains("Message"));
    assertThat(output.values(DbEvent.class)).hasSize(1);
    assertThat(report.unreadable()).isEqualTo(1);
  }

  @Test
  void shouldPublishOnlyTheEventsOfTheSourcesItsReplicaOwns() {
    List<String> sources = IntStream.range(0, 20).mapToObj(i -> "db-" + i).toList();
    sources.forEach(s -> rds.add(instanceEvent(s, 5, "DB instance restarted")));
    FleetShare share = new FleetShare(1, 3);

    EventPollReport report = poller(share, EventPosition.startingAt(T0, OVERLAP), 100).poll();

    assertThat(output.values(DbEvent.class))
        .extracting(DbEvent::getSourceId)
        .containsExactlyInAnyOrderElementsOf(sources.stream().filter(share::owns).toList());
    assertThat(report.othersShare()).isEqualTo(sources.size() - report.published()).isPositive();
  }

  @Test
  void shouldNameTheClusterOfEveryInstanceEventAsDescribeDbInstancesListsIt() {
    // given instance events of an Aurora instance and of one outside any cluster
    rds.add(new Instance("ads-prod-1", "ads-prod", "aurora-mysql", Map.of()));
    rds.add(new Instance("billing-1", null, "mysql", Map.of()));
    rds.add(instanceEvent("ads-prod-1", 10, "DB instance restarted"));
    rds.add(instanceEvent("billing-1", 11, "DB instance restarted"));
    rds.add(clusterEvent("ads-prod", 12, "Started cross AZ failover to DB instance: ads-prod-2"));
    EventPoller poller = poller(FleetShare.ALL, EventPosition.startingAt(T0, OVERLAP), 100);

    // when
    EventPollReport report = poller.poll();

    // then the Aurora instance's event names its cluster, the other's none, from one listing
    assertThat(output.values(DbEvent.class))
        .extracting(DbEvent::getSourceId, DbEvent::getInstance, DbEvent::getCluster)
        .containsExactly(
            tuple("ads-prod-1", "ads-prod-1", "ads-prod"),
            tuple("billing-1", "billing-1", null),
            tuple("ads-prod", null, "ads-prod"));
    assertThat(rds.calls("DescribeDBInstances")).hasSize(1);
    assertThat(rds.calls("DescribeDBInstances").get(0).params())
        .doesNotContainKey("Filters.Filter.1.Name");
    assertThat(report.withoutCluster()).isEqualTo(1);
  }

  @Test
  void shouldListInstancesAgainOnlyWhenANewerEventNamesOneNeverListed() {
    // given a poll that listed the instances
    rds.add(new Instance("ads-prod-1", "ads-prod", "aurora-mysql", Map.of()));
    rds.add(new Instance("billing-1", null, "mysql", Map.of()));
    rds.add(instanceEvent("ads-prod-1", 50, "DB instance restarted"));
    EventPoller poller =
        poller(FleetShare.ALL, EventPosition.startingAt(T0.plusSeconds(45 * 60), OVERLAP), 100);
    poller.poll();
    output.clear();

    // when instances it listed have new events, it does not ask again
    clock.advance(Duration.ofMinutes(1));
    rds.add(instanceEvent("ads-prod-1", 60, "DB instance shutdown"));
    rds.add(instanceEvent("billing-1", 60, "DB instance shutdown"));
    poller.poll();
    assertThat(rds.calls("DescribeDBInstances")).hasSize(1);

    // when an instance added since has an event, it asks again and names its cluster
    clock.advance(Duration.ofMinutes(1));
    rds.add(new Instance("ads-prod-3", "ads-prod", "aurora-mysql", Map.of()));
    rds.add(instanceEvent("ads-prod-3", 61, "DB instance restarted"));
    poller.poll();
    assertThat(rds.calls("DescribeDBInstances")).hasSize(2);

    // and an instance deleted before it was ever listed is asked about once, then left alone
    clock.advance(Duration.ofMinutes(1));
    rds.add(instanceEvent("gone-1", 63, "DB instance deleted"));
    poller.poll();
    clock.advance(Duration.ofMinutes(1));
    poller.poll();
    assertThat(rds.calls("DescribeDBInstances")).hasSize(3);
    assertThat(output.values(DbEvent.class))
        .extracting(DbEvent::getSourceId, DbEvent::getCluster)
        .containsExactly(
            tuple("ads-prod-1", "ads-prod"),
            tuple("billing-1", null),
            tuple("ads-prod-3", "ads-prod"),
            tuple("gone-1", null));
  }

  @Test
  void shouldTakeConfiguredClustersAndNotAskRdsWhenDiscoveryIsOff() {
    rds.add(new Instance("ads-prod-1", "listed-cluster", "aurora-mysql", Map.of()));
    rds.add(instanceEvent("ads-prod-1", 10, "DB instance restarted"));
    rds.add(instanceEvent("ads-prod-2", 10, "DB instance restarted"));
    EventPoller poller =
        poller(
            Map.of(
                EventPollerConfig.INSTANCE_CLUSTERS, "ads-prod-1=ads-prod",
                EventPollerConfig.DISCOVER_CLUSTERS, "false"),
            EventPosition.startingAt(T0, OVERLAP));

    poller.poll();

    assertThat(output.values(DbEvent.class))
        .extracting(DbEvent::getSourceId, DbEvent::getCluster)
        .containsExactly(tuple("ads-prod-1", "ads-prod"), tuple("ads-prod-2", null));
    assertThat(rds.calls("DescribeDBInstances")).isEmpty();
  }

  @Test
  void shouldPublishNothingWhileRdsCannotListTheInstancesItHasNeverListed() {
    // given RDS failing every DescribeDBInstances attempt of a first poll (after DescribeEvents)
    rds.add(new Instance("ads-prod-1", "ads-prod", "aurora-mysql", Map.of()));
    rds.add(instanceEvent("ads-prod-1", 50, "DB instance restarted"));
    EventPosition position = EventPosition.startingAt(T0, OVERLAP);
    EventPoller poller = poller(FleetShare.ALL, position, 100);
    rds.failNext(
        "DescribeDBInstances",
        Failure.SERVER_ERROR,
        Failure.SERVER_ERROR,
        Failure.SERVER_ERROR,
        Failure.SERVER_ERROR);

    // when it polls, then it fails and publishes nothing rather than events without a cluster
    assertThatThrownBy(poller::poll).isInstanceOf(AwsServiceException.class);
    assertThat(output.published()).isEmpty();
    assertThat(position.readUntil()).isEqualTo(T0);

    // and the next poll publishes the event with its cluster
    clock.advance(Duration.ofMinutes(1));
    poller.poll();
    assertThat(output.values(DbEvent.class))
        .extracting(DbEvent::getCluster)
        .containsExactly("ads-prod");
  }

  private EventPoller poller(FleetShare share, EventPosition position, int pageSize) {
    return poller(share, position, Map.of(EventPollerConfig.PAGE_SIZE, String.valueOf(pageSize)));
  }

  private EventPoller poller(Map<String, String> settings, EventPosition position) {
    return poller(FleetShare.ALL, position, settings);
  }

  private EventPoller poller(
      FleetShare share, EventPosition position, Map<String, String> settings) {
    AwsRetry retry =
        new AwsRetry(4, Duration.ofMillis(100), Duration.ofSeconds(1), backoffs::add, () -> 0.5);
    return new EventPoller(
        new EventPollerConfig(settings),
        share,
        client,
        retry,
        topics.dbEvents(),
        output,
        clock,
        position);
  }

  static RdsEvent clusterEvent(String cluster, int minute, String message) {
    return new RdsEvent(
        cluster,
        "db-cluster",
        message,
        List.of(message.contains("failover") ? "failover" : "notification"),
        T0.plusSeconds(minute * 60L),
        "arn:aws:rds:us-east-1:123456789012:cluster:" + cluster);
  }

  static RdsEvent instanceEvent(String instance, int minute, String message) {
    return new RdsEvent(
        instance,
        "db-instance",
        message,
        List.of("availability"),
        T0.plusSeconds(minute * 60L),
        "arn:aws:rds:us-east-1:123456789012:db:" + instance);
  }
}
