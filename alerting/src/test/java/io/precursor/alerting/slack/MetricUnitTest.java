package io.precursor.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricUnitTest {

  private static final double GIB = 1024d * 1024 * 1024;

  @Test
  void shouldKnowTheCloudWatchUnitOfRdsMetrics() {
    assertThat(MetricUnit.of("FreeableMemory")).isEqualTo(MetricUnit.BYTES);
    assertThat(MetricUnit.of("SwapUsage")).isEqualTo(MetricUnit.BYTES);
    assertThat(MetricUnit.of("ReadLatency")).isEqualTo(MetricUnit.SECONDS);
    assertThat(MetricUnit.of("WriteLatency")).isEqualTo(MetricUnit.SECONDS);
    assertThat(MetricUnit.of("CommitLatency")).isEqualTo(MetricUnit.MILLISECONDS);
    assertThat(MetricUnit.of("DMLLatency")).isEqualTo(MetricUnit.MILLISECONDS);
    assertThat(MetricUnit.of("AuroraReplicaLag")).isEqualTo(MetricUnit.MILLISECONDS);
    assertThat(MetricUnit.of("CPUUtilization")).isEqualTo(MetricUnit.PERCENT);
    assertThat(MetricUnit.of("BufferCacheHitRatio")).isEqualTo(MetricUnit.PERCENT);
    assertThat(MetricUnit.of("WriteIOPS")).isEqualTo(MetricUnit.PER_SECOND);
    assertThat(MetricUnit.of("Deadlocks")).isEqualTo(MetricUnit.PER_SECOND);
    assertThat(MetricUnit.of("CommitThroughput")).isEqualTo(MetricUnit.PER_SECOND);
    assertThat(MetricUnit.of("WriteThroughput")).isEqualTo(MetricUnit.BYTES_PER_SECOND);
    assertThat(MetricUnit.of("DiskQueueDepth")).isEqualTo(MetricUnit.COUNT);
    assertThat(MetricUnit.of("CPUCreditBalance")).isEqualTo(MetricUnit.COUNT);
    assertThat(MetricUnit.of("SomethingNew")).isEqualTo(MetricUnit.COUNT);
  }

  @Test
  void shouldHumaniseValuesInOneScalePerTrajectory() {
    MetricUnit.Scale memory = MetricUnit.BYTES.scaleFor(12.6 * GIB);
    assertThat(memory.format(0.9 * GIB)).isEqualTo("0.9 GiB");
    assertThat(memory.format(12.4 * GIB)).isEqualTo("12.4 GiB");
    assertThat(MetricUnit.BYTES.scaleFor(800d * 1024 * 1024).format(512d * 1024 * 1024))
        .isEqualTo("512 MiB");
    assertThat(MetricUnit.SECONDS.scaleFor(0.005).format(0.0025)).isEqualTo("2.5 ms");
    assertThat(MetricUnit.SECONDS.scaleFor(0.045).format(0.0025)).isEqualTo("3 ms");
    assertThat(MetricUnit.SECONDS.scaleFor(0.4).format(0.4)).isEqualTo("400 ms");
    assertThat(MetricUnit.MILLISECONDS.scaleFor(12).format(12.34)).isEqualTo("12 ms");
    assertThat(MetricUnit.PERCENT.scaleFor(100).format(87.54)).isEqualTo("87.5%");
    assertThat(MetricUnit.PER_SECOND.scaleFor(3000).format(2950)).isEqualTo("2,950/s");
    assertThat(MetricUnit.COUNT.scaleFor(64).format(64)).isEqualTo("64");
    assertThat(MetricUnit.BYTES_PER_SECOND.scaleFor(2 * GIB).format(1.5 * GIB))
        .isEqualTo("1.5 GiB/s");
  }
}
