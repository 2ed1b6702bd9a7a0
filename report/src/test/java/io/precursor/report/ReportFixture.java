package io.precursor.report;

import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.IncidentState;
import io.precursor.schemas.LinkedPrecursor;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.schemas.StatementKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A two-hour replay of a two-instance cluster shaped like seed 000: the writer's memory falls while
 * a bulk DELETE runs, a precursor fires, then a failover; plus one quiet instance elsewhere.
 */
final class ReportFixture {

  static final Instant FROM = Instant.parse("2026-11-17T08:30:00Z");
  static final Instant TO = Instant.parse("2026-11-17T10:30:00Z");
  static final Instant DETECTED = Instant.parse("2026-11-17T09:29:00Z");
  static final Instant FAILOVER = Instant.parse("2026-11-17T09:47:31Z");
  static final String PRECURSOR_ID = "ads-prod-1/BULK_DML_MEMORY_PRESSURE/2026-11-17T09:19:00Z";
  static final double GIB = 1024d * 1024 * 1024;

  private ReportFixture() {}

  static ReplayObservations observations() {
    ReplayObservations seen = new ReplayObservations();
    for (Instant t = FROM; t.isBefore(TO); t = t.plusSeconds(60)) {
      long minute = Duration.between(FROM, t).toMinutes();
      double fall = minute < 50 ? 0 : Math.min(1, (minute - 50) / 27.0);
      metric(seen, "ads-prod-1", "ads-prod", "FreeableMemory", t, (12 - 11.8 * fall) * GIB);
      metric(seen, "ads-prod-1", "ads-prod", "CPUUtilization", t, 20 + 60 * fall);
      metric(seen, "ads-prod-1", "ads-prod", "DiskQueueDepth", t, 0.8 + 30 * fall);
      metric(seen, "ads-prod-1", "ads-prod", "CommitLatency", t, 2 + 40 * fall);
      metric(seen, "ads-prod-1", "ads-prod", "Deadlocks", t, minute % 17 == 0 ? 1 : 0);
      metric(seen, "ads-prod-1", "ads-prod", "ReadIOPS", t, 300);
      metric(seen, "ads-prod-2", "ads-prod", "FreeableMemory", t, 12 * GIB);
      metric(seen, "ads-prod-2", "ads-prod", "CPUUtilization", t, 10);
      metric(seen, "other-1", "other", "FreeableMemory", t, 6 * GIB);
      if (minute >= 50 && minute < 77) {
        for (int i = 0; i < 8; i++) {
          slow(
              seen, "ads-prod-1", t.plusSeconds(i * 7), "delete from ad_logs where id < ?", 9, 4.5);
        }
        slow(seen, "ads-prod-1", t, "insert into ad_logs values(?+)", 2, 1.5);
      }
      slow(seen, "ads-prod-1", t, "select * from ads where id = ?", 1, 1.1);
    }
    return seen;
  }

  static List<FailoverPrecursor> precursors() {
    return List.of(
        FailoverPrecursor.newBuilder()
            .setId(PRECURSOR_ID)
            .setKind(PrecursorKind.BULK_DML_MEMORY_PRESSURE)
            .setSeverity(Severity.CRITICAL)
            .setInstance("ads-prod-1")
            .setCluster("ads-prod")
            .setRole("WRITER")
            .setWindowStart(DETECTED.minus(Duration.ofMinutes(10)))
            .setWindowEnd(DETECTED)
            .setDetectedAt(DETECTED)
            .setSummary("213 DELETE, 92 INSERT on ad_logs while FreeableMemory fell 31%")
            .setHint("Delete in small batches or swap partitions instead of rebuilding the table.")
            .setTopFingerprints(List.of())
            .setMetrics(List.of())
            .build(),
        FailoverPrecursor.newBuilder()
            .setId("ads-prod-2/FULL_SCAN_STORM/2026-11-17T10:05:00Z")
            .setKind(PrecursorKind.FULL_SCAN_STORM)
            .setSeverity(Severity.WARNING)
            .setInstance("ads-prod-2")
            .setCluster("ads-prod")
            .setRole("READER")
            .setWindowStart(Instant.parse("2026-11-17T10:05:00Z"))
            .setWindowEnd(Instant.parse("2026-11-17T10:15:00Z"))
            .setDetectedAt(Instant.parse("2026-11-17T10:15:00Z"))
            .setSummary("a report query scans 2 million rows <b>per run</b>")
            .setHint("Add an index on created_at.")
            .setTopFingerprints(List.of())
            .setMetrics(List.of())
            .build());
  }

  static List<Incident> incidents() {
    return List.of(
        Incident.newBuilder()
            .setId("ads-prod/failover/2026-11-17T09:47:31Z")
            .setCluster("ads-prod")
            .setInstance(null)
            .setState(IncidentState.FAILOVER_COMPLETED)
            .setStartedAt(FAILOVER)
            .setCompletedAt(FAILOVER.plusSeconds(36))
            .setRtoMillis(36_400L)
            .setMessage("Completed failover to DB instance: ads-prod-2")
            .setPrecursors(
                List.of(
                    LinkedPrecursor.newBuilder()
                        .setPrecursorId(PRECURSOR_ID)
                        .setKind(PrecursorKind.BULK_DML_MEMORY_PRESSURE)
                        .setSeverity(Severity.CRITICAL)
                        .setInstance("ads-prod-1")
                        .setDetectedAt(DETECTED)
                        .setLeadTimeMillis(Duration.between(DETECTED, FAILOVER).toMillis())
                        .build()))
            .build());
  }

  static ReplayReport report() {
    Map<String, Long> records = new LinkedHashMap<>();
    records.put("metric datapoints", 1080L);
    records.put("slow queries", 363L);
    return new ReplayReportBuilder("20261117T120000000", observations())
        .window(FROM, TO)
        .scope("cluster ads-prod")
        .records(records)
        .outcome(precursors(), incidents())
        .build();
  }

  private static void metric(
      ReplayObservations seen, String instance, String cluster, String name, Instant t, double v) {
    MetricSample sample =
        MetricSample.newBuilder()
            .setInstance(instance)
            .setCluster(cluster)
            .setScope(MetricScope.INSTANCE)
            .setMetric(name)
            .setTime(t)
            .setValue(v)
            .setStatistic("Average")
            .setPeriodSeconds(60)
            .setRevision(false)
            .build();
    seen.observe(sample, t);
  }

  private static void slow(
      ReplayObservations seen,
      String instance,
      Instant t,
      String fingerprint,
      double seconds,
      double millionRows) {
    SlowQueryEntry entry =
        SlowQueryEntry.newBuilder()
            .setInstance(instance)
            .setCluster("ads-prod")
            .setLogGroup("/aws/rds/cluster/ads-prod/slowquery")
            .setEventId(instance + t)
            .setEventTime(t)
            .setQueryTimeSeconds(seconds)
            .setLockTimeSeconds(0)
            .setRowsSent(0)
            .setRowsExamined((long) (millionRows * 1_000_000))
            .setStatementKind(StatementKind.OTHER)
            .setTables(List.of("ad_logs"))
            .setFingerprint(fingerprint)
            .setFingerprintHash(fingerprint.hashCode())
            .setLargestInList(0)
            .setCounters(Map.of())
            .build();
    seen.observe(entry, t);
  }
}
