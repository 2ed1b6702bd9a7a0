package io.precursor.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanonicalNamesTest {

  @Test
  void shouldGiveEveryDatapointOfAMetricTheSameNameAndClusterObjects() {
    InstanceSignal first = InstanceSignal.of(sample(new String("FreeableMemory")));
    InstanceSignal second = InstanceSignal.of(sample(new String("FreeableMemory")));

    assertThat(second.metric().name()).isSameAs(first.metric().name());
    assertThat(second.cluster()).isSameAs(first.cluster());
    assertThat(CanonicalNames.of(null)).isNull();
  }

  private static MetricSample sample(String metric) {
    return MetricSample.newBuilder()
        .setInstance("ads-prod-1")
        .setCluster(new String("ads-prod"))
        .setScope(MetricScope.INSTANCE)
        .setMetric(metric)
        .setTime(Instant.parse("2026-11-17T08:00:00Z"))
        .setValue(1.0)
        .build();
  }
}
