package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class MetricPollerConfigTest {

  @Test
  void shouldPollEveryMinuteReadingFiveMinutesBackByDefault() {
    MetricPollerConfig config =
        config(Map.of(MetricPollerConfig.INSTANCES, "ads-prod-1, ads-prod-2"));

    assertThat(config.instances()).containsExactly("ads-prod-1", "ads-prod-2");
    assertThat(config.clusters()).isEmpty();
    assertThat(config.discover()).isFalse();
    assertThat(config.interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.overlap()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.queriesPerRequest()).isEqualTo(500);
    assertThat(config.catalogue().clusterRoles()).containsExactly("WRITER");
    assertThat(config.catalogue().statistics()).containsExactly("Average");
  }

  @Test
  void shouldReadTagFiltersWithAndWithoutValue() {
    MetricPollerConfig config =
        config(
            Map.of(
                MetricPollerConfig.DISCOVER, "true",
                MetricPollerConfig.DISCOVER_TAGS, "team=ads, precursor"));

    assertThat(config.discoverTags())
        .containsEntry("team", "ads")
        .containsEntry("precursor", null)
        .hasSize(2);
  }

  @Test
  void shouldRefuseAConfigurationWithNothingToPoll() {
    assertThatThrownBy(() -> config(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(MetricPollerConfig.INSTANCES)
        .hasMessageContaining(MetricPollerConfig.DISCOVER);
  }

  @Test
  void shouldRefuseAnOverlapShorterThanTheIntervalSinceDatapointsWouldBeSkipped() {
    assertThatThrownBy(
            () ->
                config(
                    Map.of(
                        MetricPollerConfig.CLUSTERS, "ads-prod",
                        MetricPollerConfig.INTERVAL_MS, "600000",
                        MetricPollerConfig.OVERLAP_MS, "300000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(MetricPollerConfig.OVERLAP_MS)
        .hasMessageContaining(MetricPollerConfig.INTERVAL_MS);
  }

  @Test
  void shouldRefuseValuesCloudWatchWouldReject() {
    for (Map<String, String> bad :
        List.of(
            Map.of(MetricPollerConfig.STATISTICS, "Median"),
            Map.of(MetricPollerConfig.STATISTICS, ""),
            Map.of(MetricPollerConfig.QUERIES_PER_REQUEST, "501"),
            Map.of(MetricPollerConfig.CLUSTER_ROLES, "PRIMARY"),
            Map.of(MetricPollerConfig.OVERLAP_MS, "30000"),
            Map.of(MetricPollerConfig.DISCOVER_TAGS, "=ads"),
            Map.of(MetricPollerConfig.INSTANCE_METRICS, "FreeableMemory,,CPUUtilization"))) {
      Map<String, String> settings = new HashMap<>(bad);
      settings.put(MetricPollerConfig.INSTANCES, "ads-prod-1");
      String key = bad.keySet().iterator().next();

      assertThatThrownBy(() -> config(settings))
          .as("%s", bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(key);
    }
  }

  @Test
  void shouldAcceptPercentilesAndNoRoles() {
    MetricPollerConfig config =
        config(
            Map.of(
                MetricPollerConfig.INSTANCES, "ads-prod-1",
                MetricPollerConfig.STATISTICS, "Average,p99,p99.9,Maximum",
                MetricPollerConfig.CLUSTER_ROLES, ""));

    assertThat(config.catalogue().statistics())
        .containsExactly("Average", "p99", "p99.9", "Maximum");
    assertThat(config.catalogue().clusterRoles()).isEmpty();
  }

  private static MetricPollerConfig config(Map<String, String> settings) {
    return new MetricPollerConfig(settings);
  }
}
