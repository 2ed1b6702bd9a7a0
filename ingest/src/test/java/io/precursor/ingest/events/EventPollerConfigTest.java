package io.precursor.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.SourceType;

class EventPollerConfigTest {

  @Test
  void shouldPollClusterAndInstanceEventsEveryMinuteByDefault() {
    EventPollerConfig config = new EventPollerConfig(Map.of());

    assertThat(config.sourceTypes()).containsExactly(SourceType.DB_CLUSTER, SourceType.DB_INSTANCE);
    assertThat(config.interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.overlap()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.startLookback()).isEqualTo(Duration.ofHours(1));
    assertThat(config.pageSize()).isEqualTo(100);
    assertThat(config.discoverClusters()).isTrue();
    assertThat(config.instanceClusters()).isEmpty();
  }

  @Test
  void shouldReadInstanceClusterPairs() {
    EventPollerConfig config =
        new EventPollerConfig(
            Map.of(
                EventPollerConfig.INSTANCE_CLUSTERS, "ads-prod-1=ads-prod, billing-1 = billing"));

    assertThat(config.instanceClusters())
        .containsExactly(Map.entry("ads-prod-1", "ads-prod"), Map.entry("billing-1", "billing"));
  }

  @Test
  void shouldRefuseWhatDescribeEventsWouldReject() {
    for (Map<String, String> bad :
        new Map[] {
          Map.of(EventPollerConfig.SOURCE_TYPES, "db-snapshot"),
          Map.of(EventPollerConfig.SOURCE_TYPES, ""),
          Map.of(EventPollerConfig.PAGE_SIZE, "10"),
          Map.of(
              EventPollerConfig.START_LOOKBACK_MS, String.valueOf(Duration.ofDays(15).toMillis())),
          Map.of(EventPollerConfig.INSTANCE_CLUSTERS, "ads-prod-1"),
          Map.of(EventPollerConfig.INSTANCE_CLUSTERS, "ads-prod-1="),
          Map.of(EventPollerConfig.INSTANCE_CLUSTERS, "=ads-prod"),
          Map.of(EventPollerConfig.INSTANCE_CLUSTERS, "ads-prod-1=ads-prod,ads-prod-1=other")
        }) {
      assertThatThrownBy(() -> new EventPollerConfig(bad))
          .as("%s", bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(bad.keySet().iterator().next());
    }
  }
}
