package io.precursor.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.topics.Topics.Stage;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void shouldNameEveryTopicWithThePrefix() {
    var topics =
        new Topics(
            new TopicsConfig(
                Map.of("topics.prefix", "replay-7.", "schema.registry.url", "mock://topics-test")));

    assertThat(topics.all())
        .extracting(Topic::name)
        .containsExactly(
            "replay-7.slowlog",
            "replay-7.errorlog",
            "replay-7.metrics",
            "replay-7.db-events",
            "replay-7.precursors",
            "replay-7.incidents",
            "replay-7.actions",
            "replay-7.dlq.ingest",
            "replay-7.dlq.streams",
            "replay-7.dlq.alerting");
  }

  @Test
  void shouldCompactOnlyIncidents() {
    var topics = new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://topics-test")));

    assertThat(topics.all()).filteredOn(Topic::compacted).containsExactly(topics.incidents());
    assertThat(topics.deadLetters(Stage.STREAMS).name()).isEqualTo("precursor.dlq.streams");
  }

  @Test
  void shouldGiveInputsKeyedByInstanceTheSamePartitionCount() {
    var topics =
        new Topics(
            new TopicsConfig(
                Map.of("topics.partitions", "12", "schema.registry.url", "mock://topics-test")));

    assertThat(
            java.util.List.of(
                topics.slowQueries(), topics.errorLog(), topics.metrics(), topics.precursors()))
        .extracting(Topic::partitions)
        .containsOnly(12);
  }

  @Test
  void shouldRefuseConfigThatCannotWork() {
    assertThatThrownBy(() -> new TopicsConfig(Map.of("topics.partitions", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics.partitions");
    assertThatThrownBy(
            () -> new Topics(new TopicsConfig(Map.of("schema.registry.url", "kafka://x"))))
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldAddConfigsToATopicAndKeepItsOwn() {
    var topics = new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://topics-test")));

    var kept = topics.incidents().withConfigs(Map.of("retention.ms", "-1"));

    assertThat(kept.configs())
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("retention.ms", "-1");
    assertThat(kept.name()).isEqualTo(topics.incidents().name());
    assertThat(kept.partitions()).isEqualTo(topics.incidents().partitions());
    assertThat(topics.incidents().configs()).doesNotContainKey("retention.ms");
  }
}
