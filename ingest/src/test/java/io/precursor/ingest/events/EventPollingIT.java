package io.precursor.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.aws.FakeAws;
import io.precursor.ingest.aws.TopicRecords;
import io.precursor.schemas.DbEventKind;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.testkit.aws.LocalRds;
import io.precursor.testkit.aws.LocalRds.RdsEvent;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestBrokerExtension.class)
class EventPollingIT {

  @Test
  void shouldPollOnItsOwnThreadAndAfterARestartPublishNothingTwice(
      TestBroker broker, KafkaTestClients clients) {
    // given a failover RDS recorded a few minutes ago and a poll every second
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put("schema.registry.url", "mock://" + UniqueNames.topic("event-polling-it"));
    settings.put("topics.prefix", UniqueNames.topic("event-polling-it") + ".");
    settings.put("topics.partitions", "2");
    settings.put(EventPollerConfig.INTERVAL_MS, "1000");
    Topics topics = new Topics(new TopicsConfig(settings));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());

    try (LocalRds rds = new LocalRds()) {
      rds.add(event("Started cross AZ failover to DB instance: ads-prod-2", now.minusSeconds(300)));
      rds.add(event("Completed failover to DB instance: ads-prod-2", now.minusSeconds(264)));
      settings.putAll(FakeAws.settings(null, rds, Map.of()));

      // when a poller polls twice, stops, and another starts and polls twice
      for (int life = 0; life < 2; life++) {
        try (EventPolling polling =
            EventPolling.start(settings, topics, FakeAws.CREDENTIALS, Clock.systemUTC())) {
          Awaitility.await("two polls")
              .atMost(Duration.ofSeconds(60))
              .until(() -> polling.polls() >= 2);
          assertThat(polling.failures()).isZero();
        }
      }
      assertThat(rds.protocolProblems()).isEmpty();
    }

    // then both events are on the topic once
    var records =
        clients.consumeUntil(
            topics.dbEvents().name(),
            Serdes.String().deserializer(),
            topics.dbEvents().valueSerde().deserializer(),
            seen -> seen.size() >= 2,
            Duration.ofSeconds(60));
    assertThat(TopicRecords.count(clients.consumerConfig(), topics.dbEvents().name())).isEqualTo(2);
    assertThat(records)
        .extracting(r -> r.value().getKind())
        .containsExactly(DbEventKind.FAILOVER_STARTED, DbEventKind.FAILOVER_COMPLETED);
  }

  private static RdsEvent event(String message, Instant date) {
    return new RdsEvent(
        "ads-prod",
        "db-cluster",
        message,
        List.of("failover"),
        date,
        "arn:aws:rds:us-east-1:123456789012:cluster:ads-prod");
  }
}
