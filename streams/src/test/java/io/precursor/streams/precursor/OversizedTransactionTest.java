package io.precursor.streams.precursor;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.Severity;
import org.junit.jupiter.api.Test;

class OversizedTransactionTest {

  private static final double GIB = 1024.0 * 1024 * 1024;

  private final OversizedTransaction rule =
      new OversizedTransaction(1_000_000, 5_000_000, 0.10, false);

  @Test
  void shouldFlagOneStatementWritingMillionsOfRowsWithBinlogOnWhileMemoryDrops() {
    // seed 001: over a million rows in one transaction with binlog_format set
    var window =
        new MetricWindows()
            .queries(1, "UPDATE", "shop.orders", 11L, 1_400_000, 1_400_000, 380, 0, 0)
            .series("BinLogDiskUsage", 2.0 * GIB, 2.4 * GIB, 2.9 * GIB)
            .series("FreeableMemory", 10 * GIB, 9.1 * GIB, 8.2 * GIB)
            .window();

    var finding = rule.evaluate(window);

    assertThat(finding).isPresent();
    assertThat(finding.get().severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.get().summary())
        .isEqualTo(
            "one UPDATE on shop.orders wrote 1,400,000 rows in a single statement (binlog on, 2.9"
                + " GiB) while FreeableMemory fell 18% from 10.0 GiB to 8.2 GiB");
    assertThat(finding.get().hint()).contains("below 1 million rows");
  }

  @Test
  void shouldStayQuietWhenTheSameRowsComeInManySmallBatches() {
    var window =
        new MetricWindows()
            .queries(140, "UPDATE", "shop.orders", 11L, 10_000, 10_000, 1.5, 3, 0)
            .series("BinLogDiskUsage", 2.0 * GIB, 2.4 * GIB, 2.9 * GIB)
            .series("FreeableMemory", 10 * GIB, 9.1 * GIB, 8.2 * GIB)
            .window();

    assertThat(rule.evaluate(window)).isEmpty();
  }

  @Test
  void shouldStayQuietWithoutEvidenceOfTheBinlogUnlessToldItIsOn() {
    var window =
        new MetricWindows()
            .queries(1, "DELETE", "shop.sessions", 12L, 6_000_000, 6_000_000, 900, 0, 0)
            .series("FreeableMemory", 10 * GIB, 9.1 * GIB, 8.2 * GIB)
            .window();

    assertThat(rule.evaluate(window)).isEmpty();
    assertThat(new OversizedTransaction(1_000_000, 5_000_000, 0.10, true).evaluate(window))
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void shouldStayQuietWhileMemoryHolds() {
    var window =
        new MetricWindows()
            .queries(1, "UPDATE", "shop.orders", 11L, 1_400_000, 1_400_000, 380, 0, 0)
            .series("BinLogDiskUsage", 2.0 * GIB, 2.4 * GIB)
            .series("FreeableMemory", 10 * GIB, 9.8 * GIB, 9.9 * GIB)
            .window();

    assertThat(rule.evaluate(window)).isEmpty();
  }
}
