package io.precursor.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The replay's summary for a terminal: per instance, precursors by kind, incidents, lead times and
 * unconfirmed precursors; instances where nothing happened are counted, not listed.
 */
public final class SummaryTable {

  private static final String ROW = "%-24s %-16s %-44s %9s  %-22s %11s%n";

  private SummaryTable() {}

  public static void print(ReplayReport report, PrintStream out) {
    out.printf(
        ROW, "INSTANCE", "CLUSTER", "PRECURSORS BY KIND", "INCIDENTS", "LEAD TIMES", "UNCONFIRMED");
    int quiet = 0;
    int precursors = 0;
    int unconfirmed = 0;
    for (InstanceReport instance : report.instances()) {
      InstanceSummary s = instance.summary();
      precursors += instance.precursors().size();
      unconfirmed += s.unconfirmed();
      if (!instance.eventful()) {
        quiet++;
        continue;
      }
      List<String> leads = new ArrayList<>();
      s.leadTimesMillis().forEach(l -> leads.add(duration(l)));
      out.printf(
          ROW,
          instance.instance(),
          instance.cluster() == null ? "-" : instance.cluster(),
          kinds(s.precursorsByKind()),
          s.incidents(),
          leads.isEmpty() ? "-" : String.join(", ", leads),
          s.unconfirmed());
    }
    if (quiet > 0) {
      out.printf("%d other instance(s): no precursor, no failover%n", quiet);
    }
    out.printf(
        "%d instance(s), %d precursor episode(s), %d unconfirmed%n",
        report.instances().size(), precursors, unconfirmed);
  }

  private static String kinds(Map<String, InstanceSummary.KindCount> byKind) {
    if (byKind.isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    byKind.forEach(
        (kind, count) ->
            parts.add(
                String.format("%s x%d (%s)", kind, count.episodes(), count.highestSeverity())));
    return String.join(", ", parts);
  }

  /** Lead times as people say them: "18 min 31 s". */
  static String duration(long millis) {
    Duration d = Duration.ofMillis(millis);
    return d.toHours() > 0
        ? String.format("%d h %d min", d.toHours(), d.toMinutesPart())
        : String.format("%d min %d s", d.toMinutes(), d.toSecondsPart());
  }
}
