package io.precursor.launcher.report;

import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestSink;
import io.precursor.report.ReplayObservations;
import io.precursor.report.ReplayReport;
import io.precursor.report.ReplayReportBuilder;
import io.precursor.report.ReportJson;
import io.precursor.report.ReportPage;
import io.precursor.report.SummaryTable;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;

/**
 * What a replay shows its user: progress while it works, then the summary table and the HTML and
 * JSON report, built from what ingest published and what the topology wrote.
 */
public final class ReplayOutput implements AutoCloseable {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private final String run;
  private final Instant from;
  private final Instant to;
  private final String scope;
  private final Path reportFile;
  private final ReplayObservations observations = new ReplayObservations();
  private final ReplayTap tap = new ReplayTap(observations);
  private final ReplayProgress progress;

  /**
   * @param scope the cluster or instance the replay is limited to, in words, or null
   * @param reportFile where the HTML report goes; {@code report.json} goes beside it
   */
  public ReplayOutput(
      String run,
      Instant from,
      Instant to,
      String scope,
      Path reportFile,
      ReplayProgress progress) {
    this.run = run;
    this.from = from;
    this.to = to;
    this.scope = scope;
    this.reportFile = reportFile;
    this.progress = progress;
  }

  /**
   * The ingest view to load through: counts every record ({@code filter} drops some), then keeps
   * what passed the filter for the report.
   */
  public UnaryOperator<IngestSink> view(UnaryOperator<IngestSink> filter) {
    return sink -> tap.counting(filter.apply(tap.observing(sink)));
  }

  /** Progress of reading the exports and publishing them, in records and event time. */
  public void ingesting(IngestCounters counters) {
    progress.begin(
        new ProgressPhase(
            "ingest", "records", tap::published, () -> read(counters), this::covered));
  }

  /** Progress of the topology through its input topics. */
  public void detecting(Admin admin, String applicationId, List<String> inputTopics) {
    StreamsBacklog backlog = new StreamsBacklog(admin, applicationId, inputTopics);
    progress.begin(
        new ProgressPhase("detect", "records", backlog::processed, backlog::total, () -> ""));
  }

  /** Ends the progress display, prints the summary table and writes the report. */
  public ReplayReport finish(
      List<FailoverPrecursor> precursors,
      List<Incident> incidents,
      IngestCounters counters,
      PrintStream out)
      throws IOException {
    progress.close();
    ReplayReport report =
        new ReplayReportBuilder(run, observations)
            .window(from, to)
            .scope(scope)
            .records(records(counters))
            .outcome(precursors, incidents)
            .build();
    out.println();
    SummaryTable.print(report, out);
    Path absolute = reportFile.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path json = jsonBeside(absolute);
    ReportPage.write(report, absolute);
    ReportJson.write(report, json);
    out.printf("%nreport: %s%n        %s%n", absolute, json);
    return report;
  }

  /** {@code report.html} → {@code report.json}, in the same directory. */
  static Path jsonBeside(Path html) {
    String name = html.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return html.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
  }

  private Map<String, Long> records(IngestCounters counters) {
    Map<String, Long> records = new LinkedHashMap<>();
    records.put("slow queries", counters.slowQueries());
    records.put("error-log lines", counters.errorLines());
    records.put("metric datapoints", counters.metrics());
    records.put("RDS events", counters.dbEvents());
    records.put("unreadable (dead letters)", counters.deadLetters());
    records.put("kept in window and scope", tap.kept());
    return records;
  }

  private static long read(IngestCounters c) {
    return c.slowQueries() + c.errorLines() + c.metrics() + c.dbEvents();
  }

  private String covered() {
    long time = tap.eventTime();
    if (time == Long.MIN_VALUE) {
      return "reading files";
    }
    return "event time "
        + MINUTE.format(Instant.ofEpochMilli(time))
        + (to != null ? " of " + MINUTE.format(to) : "");
  }

  @Override
  public void close() {
    progress.close();
  }
}
