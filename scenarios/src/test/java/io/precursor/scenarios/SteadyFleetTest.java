package io.precursor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.scenarios.fleet.DbCluster;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class SteadyFleetTest {

  @Test
  void shouldPairInstancesIntoWriterReaderClustersWithAboutTwentyMetricsEach() {
    Scenario fleet = SteadyFleet.builder().instances(5).duration(Duration.ofMinutes(30)).build();

    assertThat(fleet.fleet().clusters()).hasSize(3);
    assertThat(fleet.fleet().clusters().get(2).instances()).hasSize(1);
    assertThat(fleet.fleet().clusters())
        .allSatisfy(cluster -> assertThat(cluster.writer()).isNotNull());
    assertThat(fleet.metrics()).hasSize(5 * 20 + 2); // readers also report AuroraReplicaLag
    assertThat(fleet.metrics().get(0).datapoints(fleet.start(), fleet.end())).hasSize(30);
  }

  @Test
  void shouldLogAboutTheRequestedSlowQueriesPerSecondPerInstance() {
    Scenario fleet =
        SteadyFleet.builder()
            .instances(1)
            .duration(Duration.ofMinutes(20))
            .slowQueriesPerSecond(5)
            .build();
    DbCluster cluster = fleet.fleet().clusters().get(0);

    long entries = 0;
    for (Iterator<?> it = fleet.slowLog(cluster.writer().id()).entries(); it.hasNext(); it.next()) {
      entries++;
    }

    assertThat(entries).isBetween(5 * 1200 * 9 / 10L, 5 * 1200 * 11 / 10L);
  }

  @Test
  void shouldFailOverTheRequestedClustersSpreadOverTheWindow() {
    Scenario fleet =
        SteadyFleet.builder().instances(8).duration(Duration.ofHours(3)).failovers(2).build();

    assertThat(fleet.events())
        .extracting(e -> e.sourceIdentifier() + " " + e.date() + " " + e.message())
        .containsExactly(
            "fleet-0001 2026-11-17T01:00:00Z Started cross AZ failover to DB instance: fleet-0001-2",
            "fleet-0001 2026-11-17T01:00:30Z Completed failover to DB instance: fleet-0001-2",
            "fleet-0003 2026-11-17T02:00:00Z Started cross AZ failover to DB instance: fleet-0003-2",
            "fleet-0003 2026-11-17T02:00:30Z Completed failover to DB instance: fleet-0003-2");
  }

  @Test
  void shouldRefuseAnEmptyFleet() {
    assertThatThrownBy(() -> SteadyFleet.builder().instances(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
