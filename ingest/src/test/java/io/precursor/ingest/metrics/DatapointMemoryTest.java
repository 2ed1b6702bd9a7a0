package io.precursor.ingest.metrics;

import static io.precursor.ingest.metrics.DatapointMemory.Verdict.DUPLICATE;
import static io.precursor.ingest.metrics.DatapointMemory.Verdict.NEW;
import static io.precursor.ingest.metrics.DatapointMemory.Verdict.REVISION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatapointMemoryTest {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");
  private static final MetricSeries MEMORY =
      MetricSeries.ofInstance("ads-prod-1", "ads-prod", "FreeableMemory", "Average");

  private final DatapointMemory memory = new DatapointMemory();

  @Test
  void shouldDropTheSameDatapointReadTwice() {
    assertThat(memory.remember(MEMORY, T0, 9.0e9)).isEqualTo(NEW);
    assertThat(memory.remember(MEMORY, T0, 9.0e9)).isEqualTo(DUPLICATE);
    assertThat(memory.size()).isEqualTo(1);
  }

  @Test
  void shouldMarkEveryChangedValueAsARevision() {
    memory.remember(MEMORY, T0, 9.0e9);

    assertThat(memory.remember(MEMORY, T0, 8.5e9)).isEqualTo(REVISION);
    assertThat(memory.remember(MEMORY, T0, 8.5e9)).isEqualTo(DUPLICATE);
    assertThat(memory.remember(MEMORY, T0, 9.0e9)).isEqualTo(REVISION);
  }

  @Test
  void shouldKeepSeriesApartByInstanceScopeMetricAndStatistic() {
    memory.remember(MEMORY, T0, 1);

    assertThat(
            memory.remember(
                MetricSeries.ofInstance("ads-prod-2", null, "FreeableMemory", "Average"), T0, 1))
        .isEqualTo(NEW);
    assertThat(
            memory.remember(
                MetricSeries.ofInstance("ads-prod-1", "ads-prod", "FreeableMemory", "Minimum"),
                T0,
                1))
        .isEqualTo(NEW);
    assertThat(
            memory.remember(
                MetricSeries.ofInstance("ads-prod-1", "ads-prod", "CPUUtilization", "Average"),
                T0,
                1))
        .isEqualTo(NEW);
    // A cluster named like one of its instances is still another series.
    assertThat(
            memory.remember(
                MetricSeries.ofCluster("ads-prod-1", "FreeableMemory", "Average"), T0, 1))
        .isEqualTo(NEW);
    assertThat(memory.remember(MEMORY, T0.plusSeconds(60), 1)).isEqualTo(NEW);
  }

  @Test
  void shouldForgetWhatIsOlderThanTheWindowSoMemoryStaysBounded() {
    for (int minute = 0; minute < 10; minute++) {
      memory.remember(MEMORY, T0.plusSeconds(60L * minute), minute);
    }

    memory.forgetBefore(T0.plusSeconds(60L * 5));

    assertThat(memory.size()).isEqualTo(5);
    assertThat(memory.remember(MEMORY, T0.plusSeconds(60L * 5), 5)).isEqualTo(DUPLICATE);
    assertThat(memory.remember(MEMORY, T0.plusSeconds(60L * 4), 4)).isEqualTo(NEW);
  }

  @Test
  void shouldForgetEverythingWhenCleared() {
    memory.remember(MEMORY, T0, 1);

    memory.clear();

    assertThat(memory.size()).isZero();
    assertThat(memory.remember(MEMORY, T0, 1)).isEqualTo(NEW);
  }
}
