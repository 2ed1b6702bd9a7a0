package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DbEventSourceType;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayFilterTest {

  private static final Instant NINE = Instant.parse("2026-11-17T09:00:00Z");
  private static final Instant TEN = Instant.parse("2026-11-17T10:00:00Z");

  @Test
  void shouldKeepTheWindowStartAndDropItsEnd() {
    ReplayFilter window = new ReplayFilter(NINE, TEN, null, null);

    assertThat(window.accepts(metric("ads-prod-1", "ads-prod"), NINE)).isTrue();
    assertThat(window.accepts(metric("ads-prod-1", "ads-prod"), TEN)).isFalse();
    assertThat(window.accepts(metric("ads-prod-1", "ads-prod"), NINE.minusMillis(1))).isFalse();
  }

  @Test
  void shouldKeepOneInstanceAndTheEventsOfItsCluster() {
    ReplayFilter one = new ReplayFilter(null, null, null, "ads-prod-1");

    assertThat(one.accepts(metric("ads-prod-1", "ads-prod"), NINE)).isTrue();
    assertThat(one.accepts(metric("ads-prod-2", "ads-prod"), NINE)).isFalse();
    assertThat(one.accepts(failover("ads-prod"), NINE)).isTrue();
  }

  @Test
  void shouldKeepOneCluster() {
    ReplayFilter cluster = new ReplayFilter(null, null, "ads-prod", null);

    assertThat(cluster.accepts(metric("ads-prod-1", "ads-prod"), NINE)).isTrue();
    assertThat(cluster.accepts(metric("billing-1", "billing"), NINE)).isFalse();
    assertThat(cluster.accepts(failover("billing"), NINE)).isFalse();
  }

  private static MetricSample metric(String instance, String cluster) {
    return MetricSample.newBuilder()
        .setInstance(instance)
        .setCluster(cluster)
        .setScope(MetricScope.INSTANCE)
        .setMetric("FreeableMemory")
        .setTime(NINE)
        .setValue(1)
        .build();
  }

  private static DbEvent failover(String cluster) {
    return DbEvent.newBuilder()
        .setSourceId(cluster)
        .setSourceType(DbEventSourceType.DB_CLUSTER)
        .setTime(NINE)
        .setKind(DbEventKind.FAILOVER_STARTED)
        .setMessage("Started cross AZ failover to DB instance: x")
        .build();
  }
}
