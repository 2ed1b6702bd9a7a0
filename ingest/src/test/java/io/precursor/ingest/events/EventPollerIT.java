package io.precursor.ingest.events;

import static io.precursor.ingest.events.EventPollerProtocolIT.clusterEvent;
import static io.precursor.ingest.events.EventPollerProtocolIT.instanceEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.aws.FakeAws;
import io.precursor.ingest.aws.TopicRecords;
import io.precursor.ingest.metrics.AwsRetry;
import io.precursor.ingest.metrics.FleetShare;
import io.precursor.ingest.metrics.ManualClock;
import io.precursor.ingest.metrics.PollOutput;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.testkit.aws.LocalRds;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.RdsClient;

@ExtendWith(TestBrokerExtension.class)
class EventPollerIT {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");

  @Test
  void shouldContinueAfterTheLastPublishedEventWhenRestartedWithoutDuplicateOrGap(
      TestBroker broker, KafkaTestClients clients) {
    Map<String, String> settings = settings(broker);
    Topics topics = new Topics(new TopicsConfig(settings));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());
    EventPollerConfig config = new EventPollerConfig(settings);
    ManualClock clock = new ManualClock(T0.plus(Duration.ofHours(1)));

    try (LocalRds rds = new LocalRds();
        RdsClient client = FakeAws.rds(rds)) {
      // given a failover and a restart that a first poller publishes before it stops
      rds.add(clusterEvent("ads-prod", 50, "Started cross AZ failover to DB instance: ads-prod-2"));
      rds.add(clusterEvent("ads-prod", 51, "Completed failover to DB instance: ads-prod-2"));
      rds.add(instanceEvent("ads-prod-1", 52, "DB instance restarted"));
      EventPollReport first = pollOnce(config, topics, settings, client, clock);
      assertThat(first.start())
          .isEqualTo(clock.instant().minus(config.startLookback()).minus(config.overlap()));
      assertThat(first.published()).isEqualTo(3);

      // when RDS records a late event and a new one while the poller is down, and a new poller
      // starts five minutes later
      rds.add(instanceEvent("ads-prod-2", 58, "DB instance shutdown"));
      rds.add(instanceEvent("ads-prod-1", 63, "DB instance shutdown"));
      clock.advance(Duration.ofMinutes(5));
      EventPollReport second = pollOnce(config, topics, settings, client, clock);

      // then it read from the overlap before the newest event on the topic, and published only
      // what the first one had not
      assertThat(second.start()).isEqualTo(T0.plusSeconds(52 * 60).minus(config.overlap()));
      assertThat(second.published()).isEqualTo(2);
      assertThat(second.duplicatesDropped()).isEqualTo(3);
      assertThat(rds.protocolProblems()).isEmpty();
    }

    long total = TopicRecords.count(clients.consumerConfig(), topics.dbEvents().name());
    List<ConsumerRecord<String, DbEvent>> records =
        clients.consumeUntil(
            topics.dbEvents().name(),
            Serdes.String().deserializer(),
            topics.dbEvents().valueSerde().deserializer(),
            seen -> seen.size() >= total,
            Duration.ofSeconds(60));
    assertThat(total).isEqualTo(5);
    assertThat(records)
        .extracting(r -> r.key(), r -> r.value().getTime(), r -> r.value().getKind())
        .containsExactlyInAnyOrder(
            tuple("ads-prod", T0.plusSeconds(50 * 60), DbEventKind.FAILOVER_STARTED),
            tuple("ads-prod", T0.plusSeconds(51 * 60), DbEventKind.FAILOVER_COMPLETED),
            tuple("ads-prod-1", T0.plusSeconds(52 * 60), DbEventKind.RESTART),
            tuple("ads-prod-2", T0.plusSeconds(58 * 60), DbEventKind.SHUTDOWN),
            tuple("ads-prod-1", T0.plusSeconds(63 * 60), DbEventKind.SHUTDOWN));
    assertThat(records)
        .allSatisfy(r -> assertThat(r.timestamp()).isEqualTo(r.value().getTime().toEpochMilli()));
  }

  /** One poller's life: find the position on the topic, poll once, stop. */
  private static EventPollReport pollOnce(
      EventPollerConfig config,
      Topics topics,
      Map<String, String> settings,
      RdsClient client,
      ManualClock clock) {
    try (IngestPublisher publisher = new IngestPublisher(new IngestConfig(settings), topics)) {
      PublishedEvents published =
          new PublishedEvents(
              settings.get("bootstrap.servers"), topics.dbEvents(), Duration.ofSeconds(60));
      EventPosition position = EventPoller.resumePosition(config, FleetShare.ALL, published, clock);
      EventPoller poller =
          new EventPoller(
              config,
              FleetShare.ALL,
              client,
              new AwsRetry(3, Duration.ofMillis(10), Duration.ofMillis(100), d -> {}, () -> 0.5),
              topics.dbEvents(),
              PollOutput.of(publisher),
              clock,
              position);
      return poller.poll();
    }
  }

  private static Map<String, String> settings(TestBroker broker) {
    return Map.of(
        "bootstrap.servers",
        broker.bootstrapServers(),
        "schema.registry.url",
        "mock://" + UniqueNames.topic("event-poller-it"),
        "topics.prefix",
        UniqueNames.topic("event-poller-it") + ".",
        "topics.partitions",
        "2");
  }
}
