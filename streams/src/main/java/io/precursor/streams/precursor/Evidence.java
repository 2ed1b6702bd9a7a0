package io.precursor.streams.precursor;

import io.precursor.schemas.FingerprintEvidence;
import io.precursor.schemas.MetricPoint;
import io.precursor.schemas.MetricTrajectory;
import io.precursor.schemas.StatementKind;
import io.precursor.streams.window.FingerprintActivity;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.MetricSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns window contents into the evidence records a precursor carries. */
final class Evidence {

  private Evidence() {}

  static FingerprintEvidence of(FingerprintActivity f) {
    return FingerprintEvidence.newBuilder()
        .setFingerprint(f.fingerprint())
        .setFingerprintHash(f.fingerprintHash())
        .setStatementKind(StatementKind.valueOf(f.kind()))
        .setTables(f.tables())
        .setCount(f.count())
        .setRowsExamined(f.rowsExamined())
        .setRowsAffected(f.rowsWritten())
        .setMaxQueryTimeSeconds(f.maxQueryTimeSeconds())
        .setLargestInList(f.largestInList())
        .build();
  }

  static List<FingerprintEvidence> topFingerprints(InstanceWindow window, String table, int n) {
    return window.fingerprintsOn(table).stream().limit(n).map(Evidence::of).toList();
  }

  static List<FingerprintEvidence> busiestFingerprints(InstanceWindow window, int n) {
    return window.busiestFingerprints(n).stream().map(Evidence::of).toList();
  }

  /** Trajectories of the named metrics that have datapoints in the window. */
  static List<MetricTrajectory> trajectories(InstanceWindow window, String... metrics) {
    List<MetricTrajectory> out = new ArrayList<>();
    for (String metric : metrics) {
      MetricSeries series = window.series(metric);
      if (series.isEmpty()) {
        continue;
      }
      List<MetricPoint> points = new ArrayList<>();
      for (int i = 0; i < series.size(); i++) {
        points.add(new MetricPoint(Instant.ofEpochMilli(series.time(i)), series.value(i)));
      }
      out.add(MetricTrajectory.newBuilder().setMetric(metric).setPoints(points).build());
    }
    return out;
  }
}
