package io.precursor.launcher;

import io.precursor.scenarios.ScenarioFile;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.scenarios.ScenarioWriter;
import io.precursor.scenarios.Scenarios;
import io.precursor.scenarios.SteadyFleet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes an incident scenario as the files the AWS CLI would export. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Writes an incident scenario as AWS CLI exports (kinesis get-records or logs"
            + " filter-log-events, cloudwatch get-metric-data with its queries, rds describe-events), for the demo, replay,"
            + " tests and benchmarks.")
final class SimulateCommand implements Callable<Integer> {

  @Option(
      names = "--scenario",
      defaultValue = "seed-000",
      description = "Scenario to write: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = ScenarioNames.class)
  String scenario;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write into (new or empty).")
  Path out;

  @Option(
      names = "--instances",
      description = "steady-fleet only: how many instances (paired into writer/reader clusters).")
  Integer instances;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description = "steady-fleet only: how long, ISO-8601 (PT1H, P1D).")
  Duration duration;

  @Option(
      names = "--start",
      paramLabel = "INSTANT",
      description = "steady-fleet only: when the window starts.")
  Instant start;

  @Option(
      names = "--slow-queries-per-second",
      paramLabel = "RATE",
      description = "steady-fleet only: slow-log entries per second per instance.")
  Double slowQueriesPerSecond;

  @Option(
      names = "--failovers",
      description = "steady-fleet only: how many clusters fail over during the window.")
  Integer failovers;

  @Option(names = "--seed", description = "steady-fleet only: the random seed.")
  Long seed;

  /** How the slow query and error logs are exported. */
  enum LogFormat {
    /** aws kinesis get-records of the subscription's stream, under kinesis/ */
    get_records(ScenarioWriter.LogExport.KINESIS_GET_RECORDS),
    /** aws logs filter-log-events of each log group, under logs/<log group>/ */
    filter_log_events(ScenarioWriter.LogExport.FILTER_LOG_EVENTS);

    final ScenarioWriter.LogExport export;

    LogFormat(ScenarioWriter.LogExport export) {
      this.export = export;
    }
  }

  @Option(
      names = "--log-format",
      defaultValue = "get_records",
      paramLabel = "FORMAT",
      description =
          "How the slow query and error logs are exported: get_records (aws kinesis get-records"
              + " of the log subscription's stream, in kinesis/) or filter_log_events (aws logs"
              + " filter-log-events of each log group, in logs/<log group>/); default:"
              + " ${DEFAULT-VALUE}.")
  LogFormat logFormat;

  @Override
  public Integer call() throws Exception {
    ScenarioManifest manifest;
    if (SteadyFleet.NAME.equals(scenario)) {
      SteadyFleet.Builder fleet = SteadyFleet.builder();
      if (instances != null) fleet.instances(instances);
      if (duration != null) fleet.duration(duration);
      if (start != null) fleet.start(start);
      if (slowQueriesPerSecond != null) fleet.slowQueriesPerSecond(slowQueriesPerSecond);
      if (failovers != null) fleet.failovers(failovers);
      if (seed != null) fleet.seed(seed);
      manifest = ScenarioWriter.write(fleet.build(), out, logFormat.export);
    } else if (java.util.stream.Stream.of(
            instances, duration, start, slowQueriesPerSecond, failovers, seed)
        .anyMatch(java.util.Objects::nonNull)) {
      System.err.println(
          "precursor simulate: --instances, --duration, --start, --slow-queries-per-second,"
              + " --failovers and --seed size a steady-fleet; "
              + scenario
              + " is fixed");
      return 2;
    } else {
      manifest = Scenarios.write(scenario, out, logFormat.export);
    }
    System.out.printf(
        "wrote scenario %s (%s to %s) into %s:%n",
        manifest.name(), manifest.windowStart(), manifest.windowEnd(), out);
    for (ScenarioFile file : manifest.files()) {
      System.out.printf("  %-60s %s%n", file.path(), file.format());
    }
    return 0;
  }

  /** The scenario names, for help and completion. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Scenarios.names().iterator();
    }
  }
}
