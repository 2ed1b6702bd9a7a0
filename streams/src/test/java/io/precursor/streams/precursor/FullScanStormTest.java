package io.precursor.streams.precursor;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.Severity;
import org.junit.jupiter.api.Test;

class FullScanStormTest {

  private static final long LOOKUP = 4004L;

  private final FullScanStorm rule = new FullScanStorm(10, 100_000, 5, 20, 200, 0.5);

  @Test
  void shouldFlagAnIndexedLookupScanningTheTableManyTimesAtOnce() {
    // seed 004: an IN (...) lookup that reads ~2,000 rows suddenly scans the table, 8 at once
    var window =
        new MetricWindows()
            .queries(8, "SELECT", "example", LOOKUP, 42_000_000, 0, 600, 20, 250)
            .series("CPUUtilization", 35, 48, 61, 72, 80)
            .window();
    var normal = new MetricWindows.Normal().rowsExamined(LOOKUP, 2_000);

    var finding = rule.evaluate(window, normal);

    assertThat(finding).isPresent();
    assertThat(finding.get().severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.get().summary())
        .contains("8 executions of one SELECT on example running at once")
        .contains("42,000,000 rows: 21000x its normal 2,000")
        .contains("IN list of 250 values, at or past eq_range_index_dive_limit 200");
    assertThat(finding.get().fingerprints())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getLargestInList()).isEqualTo(250);
              assertThat(f.getCount()).isEqualTo(8);
            });
    assertThat(finding.get().hint()).contains("FORCE INDEX");
  }

  @Test
  void shouldBeCriticalWhenDozensRunAtOnceAndCpuClimbs() {
    var window =
        new MetricWindows()
            .queries(40, "SELECT", "example", LOOKUP, 42_000_000, 0, 1_800, 10, 250)
            .series("CPUUtilization", 35, 60, 88, 97)
            .window();

    assertThat(rule.evaluate(window, new MetricWindows.Normal().rowsExamined(LOOKUP, 2_000)))
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void shouldStayQuietOnALegitLargeReportThatIsAlwaysLarge() {
    // the nightly report examines ~30M rows every time, several at once: its normal
    var window =
        new MetricWindows()
            .queries(6, "SELECT", "ad_logs", 77L, 32_000_000, 0, 300, 30, 0)
            .series("CPUUtilization", 40, 55, 60)
            .window();

    assertThat(rule.evaluate(window, new MetricWindows.Normal().rowsExamined(77L, 30_000_000)))
        .isEmpty();
  }

  @Test
  void shouldStayQuietForOneFullScanAlone() {
    // seed 004: single full scans had happened for a week without harm
    var window =
        new MetricWindows().queries(1, "SELECT", "example", LOOKUP, 42_000_000, 0, 600, 0, 250);

    assertThat(
            rule.evaluate(window.window(), new MetricWindows.Normal().rowsExamined(LOOKUP, 2_000)))
        .isEmpty();
  }

  @Test
  void shouldStayQuietWithoutANormalToCompareWith() {
    var window =
        new MetricWindows()
            .queries(8, "SELECT", "example", LOOKUP, 42_000_000, 0, 600, 20, 250)
            .window();

    assertThat(rule.evaluate(window)).isEmpty();
  }

  @Test
  void shouldStayElevatedNotFiringWhenTheStormThinsOut() {
    // three at once, still far above normal: not a storm, not over either
    var window =
        new MetricWindows()
            .queries(3, "SELECT", "example", LOOKUP, 42_000_000, 0, 600, 20, 250)
            .window();

    assertThat(rule.evaluate(window, new MetricWindows.Normal().rowsExamined(LOOKUP, 2_000)))
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.INFO);
  }
}
