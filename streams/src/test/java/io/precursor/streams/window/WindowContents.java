package io.precursor.streams.window;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A window's contents as one canonical line, so two windows can be compared whole. */
final class WindowContents {

  private WindowContents() {}

  static String of(InstanceWindow window) {
    StringBuilder out = new StringBuilder();
    out.append("cluster=").append(window.cluster());
    out.append(" last=").append(window.lastEventTime());
    for (Map.Entry<String, TableActivity> table : window.tables().entrySet()) {
      TableActivity t = table.getValue();
      out.append(" table[")
          .append(table.getKey())
          .append(' ')
          .append(t.entriesByKind())
          .append(' ')
          .append(t.rowsExamined())
          .append(' ')
          .append(t.rowsWritten())
          .append(' ')
          .append(t.maxQueryTimeSeconds())
          .append(']');
    }
    List<FingerprintActivity> fingerprints =
        window.fingerprints().stream()
            .sorted(Comparator.comparingLong(FingerprintActivity::fingerprintHash))
            .toList();
    for (FingerprintActivity f : fingerprints) {
      out.append(" fingerprint[")
          .append(f.fingerprintHash())
          .append(' ')
          .append(f.fingerprint())
          .append(' ')
          .append(f.kind())
          .append(' ')
          .append(f.tables())
          .append(" n=")
          .append(f.count())
          .append(" examined=")
          .append(f.rowsExamined())
          .append(" written=")
          .append(f.rowsWritten())
          .append(" maxWritten=")
          .append(f.maxRowsWritten())
          .append(" maxTime=")
          .append(f.maxQueryTimeSeconds())
          .append(" inList=")
          .append(f.largestInList())
          .append(" concurrent=")
          .append(f.maxConcurrent())
          .append(" intervals=")
          .append(f.intervals().size())
          .append(']');
    }
    TreeMap<String, String> metrics = new TreeMap<>();
    for (String metric : window.metricNames()) {
      MetricSeries series = window.series(metric);
      StringBuilder points = new StringBuilder("{");
      for (int i = 0; i < series.size(); i++) {
        points
            .append(i == 0 ? "" : ", ")
            .append(series.time(i))
            .append('=')
            .append(series.value(i));
      }
      metrics.put(metric, points.append('}').toString());
    }
    out.append(" metrics=").append(metrics);
    out.append(" errors=").append(window.errorLogEntries());
    out.append(" deadlocks=").append(window.deadlockTables());
    return out.toString();
  }
}
