package io.precursor.ingest.digest;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a digest the way pt-query-digest's report reads: a header with the totals, a profile of
 * the top query classes, then each class in detail with its fingerprint and slowest statement.
 */
public final class DigestTextReport {

  private static final String ATTRIBUTE_HEADER =
      String.format(
          Locale.ROOT,
          "# %-14s %10s %10s %10s %10s%n# %s %s %s %s %s%n",
          "Attribute",
          "total",
          "avg",
          "p95",
          "max",
          "=".repeat(14),
          "=".repeat(10),
          "=".repeat(10),
          "=".repeat(10),
          "=".repeat(10));

  private DigestTextReport() {}

  /**
   * @param examples whether to print each class's slowest statement, literals and all
   */
  public static void write(
      DigestReport report, List<DigestedFile> files, boolean examples, PrintWriter out) {
    header(report, files, out);
    profile(report, out);
    int rank = 1;
    for (QueryClass queryClass : report.top()) {
      details(rank++, queryClass, report.queryTime().total(), examples, out);
    }
    out.flush();
  }

  private static void header(DigestReport report, List<DigestedFile> files, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "# precursor digest: %s entries, %s query classes, %s unreadable%n",
        count(report.entries()),
        count(report.classCount()),
        count(report.unreadable()));
    for (DigestedFile file : files) {
      out.printf(Locale.ROOT, "# File: %s (%s)%n", file.name(), formatName(file.format()));
    }
    out.printf(
        Locale.ROOT, "# Time range: %s to %s%n", time(report.firstSeen()), time(report.lastSeen()));
    report
        .unreadableReasons()
        .forEach(
            (reason, times) ->
                out.printf(Locale.ROOT, "# Unreadable: %s x %s%n", count(times), reason));
    out.println();
    out.print(ATTRIBUTE_HEADER);
    attributes(
        report.queryTime(), report.lockTime(), report.rowsSent(), report.rowsExamined(), out);
    out.println();
  }

  private static void profile(DigestReport report, PrintWriter out) {
    out.println("# Profile");
    out.printf(
        Locale.ROOT,
        "# Rank Query ID                           Response time    Calls    R/Call Item%n"
            + "# ==== ================================== ================ ======== ======== ====%n");
    int rank = 1;
    for (QueryClass queryClass : report.top()) {
      out.printf(
          Locale.ROOT,
          "# %4d %s %10.4f %4.1f%% %8d %8.4f %s%n",
          rank++,
          queryClass.queryId(),
          queryClass.queryTime().total(),
          share(queryClass.queryTime().total(), report.queryTime().total()),
          queryClass.count(),
          queryClass.queryTime().avg(),
          QueryClassItem.of(queryClass));
    }
    long shown = report.top().stream().mapToLong(QueryClass::count).sum();
    if (report.top().size() < report.classCount()) {
      out.printf(
          Locale.ROOT,
          "# MISC %-34s %16s %8d %8s <%d more classes>%n",
          "0xMISC",
          "",
          report.entries() - shown,
          "",
          report.classCount() - report.top().size());
    }
    out.println();
  }

  private static void details(
      int rank, QueryClass queryClass, double totalQueryTime, boolean examples, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "# Query %d: %s, %.1f%% of total Query_time, %s calls%n",
        rank,
        queryClass.queryId(),
        share(queryClass.queryTime().total(), totalQueryTime),
        count(queryClass.count()));
    out.printf(
        Locale.ROOT,
        "# First seen %s, last seen %s%n",
        time(queryClass.firstSeen()),
        time(queryClass.lastSeen()));
    out.print(ATTRIBUTE_HEADER);
    attributes(
        queryClass.queryTime(),
        queryClass.lockTime(),
        queryClass.rowsSent(),
        queryClass.rowsExamined(),
        out);
    out.printf(Locale.ROOT, "# Databases      %s%n", databases(queryClass.databases()));
    out.printf(
        Locale.ROOT,
        "# Tables         %s%n",
        queryClass.tables().isEmpty() ? "-" : String.join(", ", queryClass.tables()));
    out.println("# Fingerprint");
    out.println(queryClass.fingerprint());
    if (examples) {
      out.printf(Locale.ROOT, "# Slowest statement (%s)%n", seconds(queryClass.exampleQueryTime()));
      out.println(queryClass.example() + ";");
    }
    out.println();
  }

  private static void attributes(
      DurationSummary queryTime,
      DurationSummary lockTime,
      RowSummary rowsSent,
      RowSummary rowsExamined,
      PrintWriter out) {
    duration("Query_time", queryTime, out);
    duration("Lock_time", lockTime, out);
    rows("Rows_sent", rowsSent, out);
    rows("Rows_examined", rowsExamined, out);
  }

  private static void duration(String name, DurationSummary summary, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "# %-14s %10s %10s %10s %10s%n",
        name,
        seconds(summary.total()),
        seconds(summary.avg()),
        seconds(summary.p95()),
        seconds(summary.max()));
  }

  private static void rows(String name, RowSummary summary, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "# %-14s %10s %10s %10s %10s%n",
        name,
        shortCount(summary.total()),
        shortCount(Math.round(summary.avg())),
        "",
        shortCount(summary.max()));
  }

  private static String databases(Map<String, Long> databases) {
    if (databases.isEmpty()) {
      return "-";
    }
    return databases.entrySet().stream()
        .map(e -> e.getKey() + " (" + count(e.getValue()) + ")")
        .collect(Collectors.joining(", "));
  }

  /** pt-query-digest's style: 812us, 12ms, 1.25s, 3456s. */
  static String seconds(double seconds) {
    if (seconds == 0) {
      return "0";
    }
    if (seconds < 0.001) {
      return String.format(Locale.ROOT, "%.0fus", seconds * 1e6);
    }
    if (seconds < 1) {
      return String.format(Locale.ROOT, "%.0fms", seconds * 1e3);
    }
    if (seconds < 100) {
      return String.format(Locale.ROOT, "%.2fs", seconds);
    }
    return String.format(Locale.ROOT, "%.0fs", seconds);
  }

  /** 999, 1.23k, 45.60M, 7.89G. */
  static String shortCount(long value) {
    String[] units = {"", "k", "M", "G", "T", "P"};
    double scaled = value;
    int unit = 0;
    while (Math.abs(scaled) >= 1000 && unit < units.length - 1) {
      scaled /= 1000;
      unit++;
    }
    return unit == 0
        ? Long.toString(value)
        : String.format(Locale.ROOT, "%.2f%s", scaled, units[unit]);
  }

  private static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static double share(double part, double total) {
    return total == 0 ? 0 : part * 100 / total;
  }

  private static String time(Instant time) {
    return time == null ? "unknown" : time.toString();
  }

  private static String formatName(SlowLogFile.Format format) {
    return switch (format) {
      case SLOW_LOG -> "slow query log";
      case CLOUDWATCH_EXPORT -> "CloudWatch Logs export";
    };
  }
}
