package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.aws.FakeAws;
import io.precursor.ingest.aws.TopicRecords;
import io.precursor.schemas.MetricSample;
import io.precursor.testkit.KafkaTestClients;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.testkit.aws.LocalCloudWatch;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestBrokerExtension.class)
class MetricPollingIT {

  @Test
  void shouldPollOnItsOwnThreadAndPublishEachDatapointOnceHoweverOftenItPolls(
      TestBroker broker, KafkaTestClients clients) {
    // given two recent datapoints in CloudWatch and a poll every second
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Map<String, Object> settings = pollEverySecond(broker, "metric-polling-it", 1);
    Topics topics = provisioned(broker, settings);

    try (LocalCloudWatch cloudWatch = new LocalCloudWatch()) {
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", minute.minusSeconds(180), 9e9);
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", minute.minusSeconds(120), 8e9);
      settings.putAll(FakeAws.settings(cloudWatch, null, Map.of()));

      // when it has polled three times
      try (MetricPolling polling =
          MetricPolling.start(settings, topics, FakeAws.CREDENTIALS, Clock.systemUTC())) {
        Awaitility.await("three polls")
            .atMost(Duration.ofSeconds(60))
            .until(() -> polling.polls() >= 3);
        assertThat(polling.failures()).isZero();
        assertThat(polling.lastReport().duplicatesDropped()).isEqualTo(2);
      }
      assertThat(cloudWatch.protocolProblems()).isEmpty();
      assertThat(cloudWatch.requests().size()).isGreaterThanOrEqualTo(3);
    }

    // then each datapoint is on the topic once
    var records =
        clients.consumeUntil(
            topics.metrics().name(),
            Serdes.String().deserializer(),
            topics.metrics().valueSerde().deserializer(),
            seen -> seen.size() >= 2,
            Duration.ofSeconds(60));
    assertThat(TopicRecords.count(clients.consumerConfig(), topics.metrics().name())).isEqualTo(2);
    assertThat(records).extracting(r -> r.value().getValue()).containsExactly(9e9, 8e9);
    assertThat(records).extracting(r -> r.value()).allMatch(s -> !((MetricSample) s).getRevision());
  }

  @Test
  void shouldNotPublishTheOverlapWindowAgainAfterARestart(
      TestBroker broker, KafkaTestClients clients) {
    // given a poller that published two datapoints and stopped
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Map<String, Object> settings = pollEverySecond(broker, "metric-polling-restart-it", 2);
    Topics topics = provisioned(broker, settings);
    try (LocalCloudWatch cloudWatch = new LocalCloudWatch()) {
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", minute.minusSeconds(180), 9e9);
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", minute.minusSeconds(120), 8e9);
      settings.putAll(FakeAws.settings(cloudWatch, null, Map.of()));
      try (MetricPolling first =
          MetricPolling.start(settings, topics, FakeAws.CREDENTIALS, Clock.systemUTC())) {
        Awaitility.await("a first poll")
            .atMost(Duration.ofSeconds(60))
            .until(() -> first.polls() >= 1);
      }

      // when a new poller starts, CloudWatch having revised one datapoint and added another
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", minute.minusSeconds(120), 7e9);
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", minute.minusSeconds(60), 6e9);
      try (MetricPolling second =
          MetricPolling.start(settings, topics, FakeAws.CREDENTIALS, Clock.systemUTC())) {
        Awaitility.await("a second poller's poll")
            .atMost(Duration.ofSeconds(60))
            .until(() -> second.polls() >= 1);
        assertThat(second.failures()).isZero();
        assertThat(second.lastReport().duplicatesDropped()).isEqualTo(1);
      }
      assertThat(cloudWatch.protocolProblems()).isEmpty();
    }

    // then the unchanged datapoint is on the topic once, the revision and the new one added
    var records =
        clients.consumeUntil(
            topics.metrics().name(),
            Serdes.String().deserializer(),
            topics.metrics().valueSerde().deserializer(),
            seen -> seen.size() >= 4,
            Duration.ofSeconds(60));
    assertThat(TopicRecords.count(clients.consumerConfig(), topics.metrics().name())).isEqualTo(4);
    assertThat(records)
        .extracting(r -> ((MetricSample) r.value()).getValue())
        .containsExactly(9e9, 8e9, 7e9, 6e9);
    assertThat(records)
        .extracting(r -> ((MetricSample) r.value()).getRevision())
        .containsExactly(false, false, true, false);
  }

  /** FreeableMemory of ads-prod-1 polled every second, on topics of their own. */
  private static Map<String, Object> pollEverySecond(
      TestBroker broker, String test, int partitions) {
    String name = UniqueNames.topic(test);
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put("schema.registry.url", "mock://" + name);
    settings.put("topics.prefix", name + ".");
    settings.put("topics.partitions", String.valueOf(partitions));
    settings.put(MetricPollerConfig.INSTANCES, "ads-prod-1");
    settings.put(MetricPollerConfig.INSTANCE_METRICS, "FreeableMemory");
    settings.put(MetricPollerConfig.INTERVAL_MS, "1000");
    return settings;
  }

  private static Topics provisioned(TestBroker broker, Map<String, Object> settings) {
    Topics topics = new Topics(new TopicsConfig(settings));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());
    return topics;
  }
}
