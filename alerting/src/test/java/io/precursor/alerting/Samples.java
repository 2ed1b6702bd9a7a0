package io.precursor.alerting;

import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.FingerprintEvidence;
import io.precursor.schemas.Incident;
import io.precursor.schemas.IncidentState;
import io.precursor.schemas.LinkedPrecursor;
import io.precursor.schemas.MetricPoint;
import io.precursor.schemas.MetricTrajectory;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.schemas.StatementKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Precursors and incidents shaped like the seed 000 story (bulk DELETE + INSERT on ads-prod). */
public final class Samples {

  public static final Instant DETECTED = Instant.parse("2026-03-03T09:27:00Z");
  private static final double GIB = 1024d * 1024 * 1024;

  private Samples() {}

  public static FailoverPrecursor.Builder precursor() {
    return FailoverPrecursor.newBuilder()
        .setId("ads-prod-1/BULK_DML_MEMORY_PRESSURE/2026-03-03T09:12:00Z")
        .setKind(PrecursorKind.BULK_DML_MEMORY_PRESSURE)
        .setSeverity(Severity.CRITICAL)
        .setInstance("ads-prod-1")
        .setCluster("ads-prod")
        .setRole("WRITER")
        .setWindowStart(DETECTED.minus(Duration.ofMinutes(15)))
        .setWindowEnd(DETECTED)
        .setDetectedAt(DETECTED)
        .setSummary(
            "1,204 DELETE and 980 INSERT on ads_daily in 15 min while FreeableMemory fell"
                + " from 12.4 GiB to 1.1 GiB")
        .setHint("Partition ads_daily by day and TRUNCATE the partition, then multi-row INSERT.")
        .setTopFingerprints(
            List.of(
                fingerprint(
                    "delete from ads_daily where day = ?",
                    StatementKind.DELETE,
                    1204,
                    81_200_000L,
                    12.4,
                    0),
                fingerprint(
                    "insert into ads_daily values(?+)", StatementKind.INSERT, 980, 0, 3.2, 0)))
        .setMetrics(
            List.of(
                trajectory(
                    "FreeableMemory", 11.8 * GIB, 12.4 * GIB, 0.9 * GIB, 12.6 * GIB, 1.1 * GIB),
                trajectory("WriteLatency", null, 0.002, 0.002, 0.045, 0.031)));
  }

  public static FingerprintEvidence fingerprint(
      String text, StatementKind kind, long count, long rowsExamined, double maxSeconds, int in) {
    return FingerprintEvidence.newBuilder()
        .setFingerprint(text)
        .setFingerprintHash(text.hashCode())
        .setStatementKind(kind)
        .setTables(List.of("ads_daily"))
        .setCount(count)
        .setRowsExamined(rowsExamined)
        .setRowsAffected(count)
        .setMaxQueryTimeSeconds(maxSeconds)
        .setLargestInList(in)
        .build();
  }

  /** A trajectory whose points go first → (min, max in between) → last, one a minute. */
  public static MetricTrajectory trajectory(String metric, Double baseline, double... values) {
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new MetricPoint(DETECTED.minus(Duration.ofMinutes(values.length - i)), values[i]));
    }
    return MetricTrajectory.newBuilder()
        .setMetric(metric)
        .setBaseline(baseline)
        .setPoints(points)
        .build();
  }

  public static Incident.Builder incident() {
    Instant started = DETECTED.plus(Duration.ofMinutes(23));
    return Incident.newBuilder()
        .setId("ads-prod/2026-03-03T09:50:00Z")
        .setCluster("ads-prod")
        .setInstance("ads-prod-1")
        .setState(IncidentState.FAILOVER_STARTED)
        .setStartedAt(started)
        .setCompletedAt(null)
        .setRtoMillis(null)
        .setMessage("Started cross AZ failover to DB instance: ads-prod-2")
        .setPrecursors(
            List.of(
                LinkedPrecursor.newBuilder()
                    .setPrecursorId("ads-prod-1/BULK_DML_MEMORY_PRESSURE/2026-03-03T09:12:00Z")
                    .setKind(PrecursorKind.BULK_DML_MEMORY_PRESSURE)
                    .setSeverity(Severity.CRITICAL)
                    .setInstance("ads-prod-1")
                    .setDetectedAt(DETECTED)
                    .setLeadTimeMillis(Duration.ofMinutes(23).toMillis())
                    .build()));
  }
}
