package io.precursor.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.MetricScope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricCatalogueTest {

  private static final Fleet ADS =
      new Fleet(
          Set.of("ads-prod"),
          Set.of("ads-prod-1", "ads-prod-2"),
          Map.of("ads-prod-1", "ads-prod", "ads-prod-2", "ads-prod"));

  private final MetricCatalogue defaults =
      new MetricPollerConfig(Map.of(MetricPollerConfig.DISCOVER, "true")).catalogue();

  @Test
  void shouldPollEachMissionMetricAtItsScopeAsFactsSayByDefault() {
    List<MetricSeries> series = defaults.series(ADS, FleetShare.ALL);

    assertThat(metricsOf(series, "ads-prod-1"))
        .containsExactlyInAnyOrder(
            "CPUUtilization",
            "CPUCreditBalance",
            "DatabaseConnections",
            "DiskQueueDepth",
            "FreeableMemory",
            "ReadIOPS",
            "WriteIOPS",
            "ReadLatency",
            "WriteLatency",
            "SwapUsage",
            "Deadlocks",
            "BinLogDiskUsage");
    assertThat(metricsOf(series, "ads-prod"))
        .containsExactlyInAnyOrder(
            "AuroraReplicaLag",
            "BufferCacheHitRatio",
            "CommitLatency",
            "DMLLatency",
            "Deadlocks",
            "DatabaseConnections",
            "FreeableMemory",
            "CPUUtilization",
            "BinLogDiskUsage");
    assertThat(metricsOf(series, "ads-prod/WRITER")).isEqualTo(metricsOf(series, "ads-prod"));
    assertThat(series).extracting(MetricSeries::statistic).containsOnly("Average");
  }

  @Test
  void shouldNameInstancesClustersAndRolesTheWayTheFileExportsDo() {
    List<MetricSeries> series = defaults.series(ADS, FleetShare.ALL);

    assertThat(series)
        .filteredOn(s -> s.instance().equals("ads-prod-2"))
        .allSatisfy(
            s -> {
              assertThat(s.scope()).isEqualTo(MetricScope.INSTANCE);
              assertThat(s.cluster()).isEqualTo("ads-prod");
              assertThat(s.role()).isNull();
            });
    assertThat(series)
        .filteredOn(s -> s.instance().equals("ads-prod/WRITER"))
        .allSatisfy(
            s -> {
              assertThat(s.scope()).isEqualTo(MetricScope.CLUSTER);
              assertThat(s.cluster()).isEqualTo("ads-prod");
              assertThat(s.role()).isEqualTo("WRITER");
              assertThat(s.owner()).isEqualTo("ads-prod");
            });
  }

  @Test
  void shouldPollEveryStatisticOfEveryMetric() {
    MetricCatalogue catalogue =
        new MetricCatalogue(
            List.of("FreeableMemory"), List.of(), List.of(), List.of("Average", "Minimum"));

    assertThat(catalogue.series(ADS, FleetShare.ALL))
        .extracting(s -> s.instance() + " " + s.statistic())
        .containsExactly(
            "ads-prod-1 Average", "ads-prod-1 Minimum", "ads-prod-2 Average", "ads-prod-2 Minimum");
  }

  @Test
  void shouldGiveEachReplicaOnlyTheSeriesOfTheIdentifiersItOwns() {
    Fleet fleet =
        Fleet.of(
            IntStream.range(0, 50).mapToObj(i -> "cluster-" + i).toList(),
            IntStream.range(0, 200).mapToObj(i -> "instance-" + i).toList());
    List<MetricSeries> all = defaults.series(fleet, FleetShare.ALL);

    List<MetricSeries> first = defaults.series(fleet, new FleetShare(0, 2));
    List<MetricSeries> second = defaults.series(fleet, new FleetShare(1, 2));

    assertThat(first).doesNotContainAnyElementsOf(second);
    assertThat(first.size() + second.size()).isEqualTo(all.size());
    assertThat(first).allMatch(s -> new FleetShare(0, 2).owns(s.owner()));
  }

  private static List<String> metricsOf(List<MetricSeries> series, String instance) {
    return series.stream()
        .filter(s -> s.instance().equals(instance))
        .map(MetricSeries::metric)
        .toList();
  }
}
