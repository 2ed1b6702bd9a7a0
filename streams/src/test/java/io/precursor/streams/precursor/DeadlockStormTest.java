package io.precursor.streams.precursor;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.Severity;
import org.junit.jupiter.api.Test;

class DeadlockStormTest {

  private final DeadlockStorm rule = new DeadlockStorm(5, 0.005, 20, 0.5);

  @Test
  void shouldFlagDeadlockDumpsAndTheDeadlocksMetricRisingTogether() {
    // seed 001: concurrent upserts colliding on the same rows, minute after minute
    var window =
        new MetricWindows()
            .deadlocks(9, "shop.order_items")
            .series("Deadlocks", 0.0, 0.004, 0.011, 0.018, 0.025)
            .window();

    var finding = rule.evaluate(window);

    assertThat(finding).isPresent();
    assertThat(finding.get().severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.get().summary())
        .isEqualTo(
            "9 deadlock dumps in the error log (on shop.order_items) while the Deadlocks metric"
                + " rose to 0.025/s");
    assertThat(finding.get().metrics()).extracting(m -> m.getMetric()).contains("Deadlocks");
  }

  @Test
  void shouldBeCriticalWhenDumpsPileUp() {
    var window =
        new MetricWindows()
            .deadlocks(20, "shop.order_items")
            .series("Deadlocks", 0.01, 0.03, 0.05)
            .window();

    assertThat(rule.evaluate(window))
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void shouldStayQuietOnAnOccasionalDeadlock() {
    // AWS: an occasional deadlock is not an issue; InnoDB rolls one transaction back at once
    var window =
        new MetricWindows()
            .deadlocks(1, "shop.order_items")
            .series("Deadlocks", 0.0, 0.0017, 0.0, 0.0)
            .window();

    assertThat(rule.evaluate(window)).isEmpty();
  }

  @Test
  void shouldStayQuietWhenThisInstanceAlwaysDeadlocksThatMuch() {
    var window =
        new MetricWindows()
            .deadlocks(6, "shop.order_items")
            .series("Deadlocks", 0.010, 0.012, 0.011)
            .window();

    assertThat(rule.evaluate(window, new MetricWindows.Normal().metric("Deadlocks", 0.011)))
        .isEmpty();
  }

  @Test
  void shouldStayQuietWhenOnlyTheMetricRises() {
    var window = new MetricWindows().series("Deadlocks", 0.0, 0.02, 0.04).window();

    assertThat(rule.evaluate(window)).isEmpty();
  }
}
