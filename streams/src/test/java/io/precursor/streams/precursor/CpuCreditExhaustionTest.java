package io.precursor.streams.precursor;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.Severity;
import org.junit.jupiter.api.Test;

class CpuCreditExhaustionTest {

  private final CpuCreditExhaustion rule = new CpuCreditExhaustion(60, 10);

  @Test
  void shouldWarnWhenTheBalanceWillBeEmptyWithinTheHour() {
    // seed 001: a T instance burning 4 credits a minute with 150 left
    var window = new MetricWindows().series("CPUCreditBalance", 166, 162, 158, 154, 150).window();

    var finding = rule.evaluate(window);

    assertThat(finding).isPresent();
    assertThat(finding.get().severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.get().summary()).contains("empty in about 38 min");
  }

  @Test
  void shouldBeCriticalAtTheFloor() {
    var window = new MetricWindows().series("CPUCreditBalance", 30, 22, 15, 9).window();

    assertThat(rule.evaluate(window))
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void shouldStayQuietWhenABigBalanceDipsDuringABurst() {
    var window = new MetricWindows().series("CPUCreditBalance", 576, 570, 565, 561, 558).window();

    assertThat(rule.evaluate(window)).isEmpty();
  }

  @Test
  void shouldStayQuietWhileCreditsAccumulate() {
    var window = new MetricWindows().series("CPUCreditBalance", 5, 6, 8, 9).window();

    assertThat(rule.evaluate(window)).isEmpty();
  }
}
