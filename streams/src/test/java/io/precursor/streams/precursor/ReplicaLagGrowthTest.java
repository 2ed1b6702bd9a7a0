package io.precursor.streams.precursor;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.Severity;
import org.junit.jupiter.api.Test;

class ReplicaLagGrowthTest {

  private final ReplicaLagGrowth rule = new ReplicaLagGrowth(1000, 10_000);

  @Test
  void shouldFlagAReaderFallingSteadilyBehind() {
    // seed 001: lag that only grows, minute after minute
    var window =
        new MetricWindows()
            .series("AuroraReplicaLag", 200, 600, 1100, 1500, 2300, 2900, 3600)
            .window();

    var finding = rule.evaluate(window);

    assertThat(finding).isPresent();
    assertThat(finding.get().severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.get().summary()).contains("from 200 ms to 3600 ms");
  }

  @Test
  void shouldBeCriticalPastTheCriticalLag() {
    var window =
        new MetricWindows().series("AuroraReplicaLag", 3000, 5000, 7000, 9000, 12000).window();

    assertThat(rule.evaluate(window))
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void shouldStayQuietWhenLagSpikesAndRecovers() {
    var window =
        new MetricWindows().series("AuroraReplicaLag", 20, 1800, 40, 1500, 30, 1200).window();

    assertThat(rule.evaluate(window)).isEmpty();
  }

  @Test
  void shouldStayQuietWhileLagGrowsButStaysSmall() {
    var window = new MetricWindows().series("AuroraReplicaLag", 10, 15, 20, 26, 33, 40).window();

    assertThat(rule.evaluate(window)).isEmpty();
  }
}
