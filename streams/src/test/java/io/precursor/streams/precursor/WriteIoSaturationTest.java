package io.precursor.streams.precursor;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.Severity;
import org.junit.jupiter.api.Test;

class WriteIoSaturationTest {

  private final WriteIoSaturation rule = new WriteIoSaturation(2.0, 10.0, 0.15);

  @Test
  void shouldFlagCommitsStallingWhileWriteIopsIsPinned() {
    // seed 002: commits queue on flushes at the storage ceiling, reads still pass
    var window =
        new MetricWindows()
            .series("CommitLatency", 4, 5, 9, 14, 22)
            .series("DiskQueueDepth", 2, 3, 5, 8, 11)
            .series("WriteIOPS", 9800, 10100, 10050, 10000, 10020)
            .window();

    var finding = rule.evaluate(window);

    assertThat(finding).isPresent();
    assertThat(finding.get().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(finding.get().summary()).contains("CommitLatency rose 5.5x to 22.0 ms");
    assertThat(finding.get().hint()).contains("binlog_order_commits");
  }

  @Test
  void shouldStayQuietOnABusyWriteDayWhereIopsGrowsWithTheLoad() {
    var window =
        new MetricWindows()
            .series("CommitLatency", 4, 6, 9, 12, 15)
            .series("DiskQueueDepth", 2, 3, 5, 6, 8)
            .series("WriteIOPS", 4000, 6000, 8000, 10000, 13000)
            .window();

    assertThat(rule.evaluate(window)).isEmpty();
  }

  @Test
  void shouldStayQuietWhenWriteIopsStepsUpWithABatchAndLatencyFollows() {
    // seed 000's batch: IOPS jumps tenfold, then levels off; commits slow down with the load
    var window =
        new MetricWindows()
            .series("CommitLatency", 2.2, 2.4, 2.4, 4.5, 7.6, 8.5, 9.0, 9.3, 10.1)
            .series("DiskQueueDepth", 0.8, 0.9, 0.9, 3.9, 5.4, 6.7, 6.0, 7.5, 7.9)
            .series("WriteIOPS", 594, 587, 587, 2978, 4957, 5353, 5058, 5117, 5047)
            .window();

    assertThat(rule.evaluate(window)).isEmpty();
  }

  @Test
  void shouldStayQuietWhileCommitsAreFastWhateverTheirRise() {
    var window =
        new MetricWindows()
            .series("CommitLatency", 1, 2, 3, 4, 5)
            .series("DiskQueueDepth", 1, 2, 3, 4, 5)
            .series("WriteIOPS", 5000, 5000, 5000, 5000, 5000)
            .window();

    assertThat(rule.evaluate(window)).isEmpty();
  }
}
