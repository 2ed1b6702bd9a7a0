package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestPublisher;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

@ExtendWith(TestBrokerExtension.class)
class MetricPollerIT {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");

  @Test
  void shouldPutEachDatapointOnTheMetricsTopicOnceAndOnlyRevisionsAfterAnOverlappingPoll(
      TestBroker broker, KafkaTestClients clients) {
    // given five minutes of FreeableMemory and CommitLatency in CloudWatch
    Map<String, String> settings = settings(broker);
    Topics topics = new Topics(new TopicsConfig(settings));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());
    ManualClock clock = new ManualClock(T0.plusSeconds(10 * 60 + 30));
    try (LocalCloudWatch cloudWatch = new LocalCloudWatch();
        CloudWatchClient client = FakeAws.cloudWatch(cloudWatch);
        IngestPublisher publisher = new IngestPublisher(new IngestConfig(settings), topics)) {
      for (int minute = 5; minute <= 9; minute++) {
        cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(minute), 9e9 - minute * 1e8);
        cloudWatch.putCluster("ads-prod", "CommitLatency", at(minute), 4.0);
      }
      MetricPoller poller =
          new MetricPoller(
              new MetricPollerConfig(
                  Map.of(
                      MetricPollerConfig.INSTANCES, "ads-prod-1",
                      MetricPollerConfig.CLUSTERS, "ads-prod",
                      MetricPollerConfig.INSTANCE_METRICS, "FreeableMemory",
                      MetricPollerConfig.CLUSTER_METRICS, "CommitLatency",
                      MetricPollerConfig.CLUSTER_ROLES, "")),
              FleetShare.ALL,
              client,
              null,
              new AwsRetry(3, Duration.ofMillis(10), Duration.ofMillis(100), d -> {}, () -> 0.5),
              topics.metrics(),
              PollOutput.of(publisher),
              clock);

      // when one poll runs, CloudWatch revises FreeableMemory at 09:08 and adds 09:10, and an
      // overlapping poll runs a minute later
      poller.poll();
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(8), 6.5e9);
      cloudWatch.putInstance("ads-prod-1", "FreeableMemory", at(10), 6.2e9);
      clock.advance(Duration.ofMinutes(1));
      poller.poll();
      assertThat(cloudWatch.protocolProblems()).isEmpty();
    }

    // then the topic holds the ten datapoints of the first poll, then the revision and the new one
    long total = TopicRecords.count(clients.consumerConfig(), topics.metrics().name());
    List<ConsumerRecord<String, MetricSample>> records =
        clients.consumeUntil(
            topics.metrics().name(),
            Serdes.String().deserializer(),
            topics.metrics().valueSerde().deserializer(),
            seen -> seen.size() >= total,
            Duration.ofSeconds(60));
    assertThat(total).isEqualTo(12);
    assertThat(records)
        .allSatisfy(
            r -> {
              assertThat(r.key()).isEqualTo(r.value().getInstance());
              assertThat(r.timestamp()).isEqualTo(r.value().getTime().toEpochMilli());
            });
    List<MetricSample> memory =
        records.stream()
            .map(ConsumerRecord::value)
            .filter(s -> s.getMetric().equals("FreeableMemory"))
            .toList();
    // One instance's records share a partition, so they arrive in the order published.
    assertThat(memory)
        .extracting(MetricSample::getTime, MetricSample::getValue, MetricSample::getRevision)
        .containsExactly(
            tuple(at(5), 8.5e9, false),
            tuple(at(6), 8.4e9, false),
            tuple(at(7), 8.3e9, false),
            tuple(at(8), 8.2e9, false),
            tuple(at(9), 8.1e9, false),
            tuple(at(8), 6.5e9, true),
            tuple(at(10), 6.2e9, false));
    assertThat(records)
        .extracting(ConsumerRecord::value)
        .filteredOn(s -> s.getMetric().equals("CommitLatency"))
        .extracting(MetricSample::getInstance, MetricSample::getRevision)
        .containsOnly(tuple("ads-prod", false))
        .hasSize(5);
  }

  private static Map<String, String> settings(TestBroker broker) {
    return Map.of(
        "bootstrap.servers",
        broker.bootstrapServers(),
        "schema.registry.url",
        "mock://" + UniqueNames.topic("metric-poller-it"),
        "topics.prefix",
        UniqueNames.topic("metric-poller-it") + ".",
        "topics.partitions",
        "2");
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }
}
