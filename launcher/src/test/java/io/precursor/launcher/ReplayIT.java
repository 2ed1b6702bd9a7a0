package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.report.InstanceReport;
import io.precursor.report.MetricChart;
import io.precursor.report.ReplayReport;
import io.precursor.report.ReportJson;
import io.precursor.scenarios.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay of simulated exports through the live topology, on its own topics. */
class ReplayIT {

  @Test
  void shouldFindTheSeed000PrecursorAndItsLeadTimeFromExportedFilesWhicheverWayLogsWereExported(
      @TempDir Path dir) throws Exception {
    Scenarios.write("seed-000", dir.resolve("seed-000"));

    CommandRun run = replay(dir.resolve("seed-000"), dir.resolve("out"));
    String out = run.output();

    assertThat(run.exitCode()).isZero();
    assertThat(out)
        .containsPattern("ads-prod-1 +BULK_DML_MEMORY_PRESSURE +CRITICAL +2026-11-17T09:29:00Z")
        .contains("BULK_DML_MEMORY_PRESSURE on ads-prod-1 (18 min 31 s)")
        .contains("1 precursor episode(s), 1 incident(s), 0 precursor(s) that no failover followed")
        // The summary table: one row per instance where something happened.
        .containsPattern(
            "ads-prod-1 +ads-prod +BULK_DML_MEMORY_PRESSURE x1 \\(CRITICAL\\) +1  18 min 31 s +0");
    // The report holds the writer's metrics as read from the exports, and the precursor's window.
    ReplayReport report = ReportJson.read(dir.resolve("out/report.json"));
    InstanceReport writer =
        report.instances().stream()
            .filter(i -> i.instance().equals("ads-prod-1"))
            .findFirst()
            .get();
    assertThat(writer.charts())
        .extracting(MetricChart::metric)
        .contains("FreeableMemory", "CPUUtilization", "DiskQueueDepth", "CommitLatency");
    assertThat(writer.charts().get(0).points()).hasSizeGreaterThan(100);
    assertThat(writer.precursors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.leadTimeMillis()).isEqualTo(1_111_274L);
              assertThat(p.topFingerprints()).isNotEmpty();
              assertThat(p.topFingerprints().get(0).fingerprint()).contains("ad_logs");
            });
    assertThat(writer.failovers()).hasSize(1);
    assertThat(Files.readString(dir.resolve("out/report.html"))).contains("Chart.js v4.5.1");

    // The same scenario with its logs exported by `aws logs filter-log-events` per log group.
    CommandRun simulate =
        CommandRun.of(
            "simulate",
            "--scenario",
            "seed-000",
            "--log-format",
            "filter_log_events",
            "--out",
            dir.resolve("seed-000-logs").toString());
    assertThat(simulate.exitCode()).as(simulate.output()).isZero();
    assertThat(dir.resolve("seed-000-logs/logs/aws/rds/cluster/ads-prod/slowquery")).isDirectory();
    CommandRun fromLogs = replay(dir.resolve("seed-000-logs"), dir.resolve("out-logs"));
    assertThat(fromLogs.exitCode()).as(fromLogs.output()).isZero();
    ReplayReport logsReport = ReportJson.read(dir.resolve("out-logs/report.json"));
    assertThat(logsReport.instances())
        .extracting(InstanceReport::instance)
        .containsExactlyElementsOf(
            report.instances().stream().map(InstanceReport::instance).toList());
    for (int i = 0; i < report.instances().size(); i++) {
      // Ids, kinds, severities, windows, detection times, lead times and fingerprints alike.
      assertThat(logsReport.instances().get(i).precursors())
          .isEqualTo(report.instances().get(i).precursors());
      assertThat(logsReport.instances().get(i).summary())
          .isEqualTo(report.instances().get(i).summary());
      assertThat(logsReport.instances().get(i).failovers())
          .isEqualTo(report.instances().get(i).failovers());
    }
    assertThat(fromLogs.output())
        .contains("BULK_DML_MEMORY_PRESSURE on ads-prod-1 (18 min 31 s)")
        .contains(
            "1 precursor episode(s), 1 incident(s), 0 precursor(s) that no failover followed");
  }

  private static CommandRun replay(Path exports, Path out) {
    return CommandRun.of(
        "replay",
        "--dir",
        exports.toString(),
        "--from",
        "2026-11-17T08:30:00Z",
        "--to",
        "2026-11-17T10:30:00Z",
        "--cluster",
        "ads-prod",
        "--timeout",
        "PT3M",
        "--out",
        out.toString());
  }
}
