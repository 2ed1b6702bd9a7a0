package io.precursor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayReportBuilderTest {

  @Test
  void shouldChartEachKeyMetricReadAndLeaveOtherMetricsOut() {
    ReplayReport report = ReportFixture.report();

    InstanceReport writer = instance(report, "ads-prod-1");
    assertThat(writer.charts())
        .extracting(MetricChart::metric)
        .containsExactly(
            "FreeableMemory", "CPUUtilization", "DiskQueueDepth", "CommitLatency", "Deadlocks");
    // Two hours of minutes fit a chart whole: one point per datapoint, first value at the start.
    MetricChart memory = writer.charts().get(0);
    assertThat(memory.bucketSeconds()).isEqualTo(60);
    assertThat(memory.points()).hasSize(120);
    assertThat(memory.points().get(0))
        .isEqualTo(new SeriesPoint(ReportFixture.FROM.toEpochMilli(), 12 * ReportFixture.GIB));
  }

  @Test
  void shouldLinkThePrecursorToItsFailoverAndRankTheFingerprintsOfItsWindow() {
    InstanceReport writer = instance(ReportFixture.report(), "ads-prod-1");

    PrecursorMarker marker = writer.precursors().get(0);
    assertThat(marker.incidentId()).isEqualTo("ads-prod/failover/2026-11-17T09:47:31Z");
    assertThat(marker.leadTimeMillis()).isEqualTo(Duration.ofSeconds(18 * 60 + 31).toMillis());
    // The window 09:19-09:29: the rebuild starts at 09:20, so 9 minutes of 8 DELETEs of 9 s and one
    // INSERT of 2 s, and 10 minutes of one SELECT of 1 s.
    assertThat(marker.topFingerprints())
        .extracting(FingerprintShare::fingerprint, FingerprintShare::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("delete from ad_logs where id < ?", 72L),
            org.assertj.core.groups.Tuple.tuple("insert into ad_logs values(?+)", 9L),
            org.assertj.core.groups.Tuple.tuple("select * from ads where id = ?", 10L));
    assertThat(marker.topFingerprints().get(0).queryTimeSeconds()).isEqualTo(648.0);
    assertThat(writer.failovers()).extracting(FailoverLine::rtoMillis).containsExactly(36_400L);
  }

  @Test
  void shouldSummariseEachInstanceWithLeadTimesAndUnconfirmedPrecursors() {
    ReplayReport report = ReportFixture.report();

    assertThat(instance(report, "ads-prod-1").summary())
        .isEqualTo(
            new InstanceSummary(
                java.util.Map.of(
                    "BULK_DML_MEMORY_PRESSURE", new InstanceSummary.KindCount(1, "CRITICAL")),
                1,
                java.util.List.of(1_111_000L),
                0));
    // The reader saw the same cluster failover, and its own precursor went unconfirmed.
    assertThat(instance(report, "ads-prod-2").summary().unconfirmed()).isEqualTo(1);
    assertThat(instance(report, "ads-prod-2").summary().incidents()).isEqualTo(1);
    assertThat(instance(report, "other-1").eventful()).isFalse();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SummaryTable.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "ads-prod-1 +ads-prod +BULK_DML_MEMORY_PRESSURE x1 \\(CRITICAL\\) +1  18 min 31 s +0")
        .containsPattern("ads-prod-2 +ads-prod +FULL_SCAN_STORM x1 \\(WARNING\\) +1  - +1")
        .contains("1 other instance(s): no precursor, no failover")
        .contains("3 instance(s), 2 precursor episode(s), 1 unconfirmed");
  }

  @Test
  void shouldFoldADayIntoTwoMinuteBucketsKeepingTheWorstValue() {
    assertThat(ReplayReportBuilder.bucketMillis(Duration.ofDays(1).toMillis())).isEqualTo(120_000);
    assertThat(ReplayReportBuilder.bucketMillis(Duration.ofHours(12).toMillis())).isEqualTo(60_000);

    MetricSeriesBuffer memory = new MetricSeriesBuffer(KeyMetric.FREEABLE_MEMORY);
    memory.add(60_000, 5);
    memory.add(0, 7);
    memory.add(120_000, 9);
    MetricSeriesBuffer cpu = new MetricSeriesBuffer(KeyMetric.CPU_UTILIZATION);
    cpu.add(0, 7);
    cpu.add(60_000, 5);

    assertThat(memory.folded(0, 120_000))
        .containsExactly(new SeriesPoint(0, 5), new SeriesPoint(120_000, 9));
    assertThat(cpu.folded(0, 120_000)).containsExactly(new SeriesPoint(0, 7));
  }

  @Test
  void shouldWriteJsonThatReadsBackAsTheSameReport(@TempDir Path dir) throws Exception {
    ReplayReport report = ReportFixture.report();

    ReportJson.write(report, dir.resolve("report.json"));

    assertThat(ReportJson.read(dir.resolve("report.json"))).isEqualTo(report);
  }

  @Test
  void shouldInlineChartJsAndTheDataWithoutAnythingThatClosesTheirScriptTags() {
    String page = ReportPage.render(ReportFixture.report());

    assertThat(page)
        .doesNotContain("/*CHART_JS*/", "/*REPORT_DATA*/", "<script src", "https://cdn")
        .contains("Chart.js v4.5.1")
        // The summary's markup stays data: escaped inside the JSON, not parsed as HTML.
        .contains("\\u003cb>per run\\u003c/b>");
    assertThat(page.split("(?i)</script>", -1).length - 1)
        .isEqualTo(page.split("(?i)<script", -1).length - 1);
  }

  private static InstanceReport instance(ReplayReport report, String name) {
    return report.instances().stream().filter(i -> i.instance().equals(name)).findFirst().get();
  }
}
