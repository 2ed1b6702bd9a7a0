package io.precursor.scenarios;

import io.precursor.scenarios.awscli.DescribeEventsWriter;
import io.precursor.scenarios.awscli.FilterLogEventsWriter;
import io.precursor.scenarios.awscli.FilterLogEventsWriter.LogGroupExport;
import io.precursor.scenarios.awscli.KinesisExport;
import io.precursor.scenarios.awscli.KinesisGetRecordsWriter;
import io.precursor.scenarios.awscli.MetricDataWriter;
import io.precursor.scenarios.awscli.MetricDataWriter.MetricExport;
import io.precursor.scenarios.events.RdsEvent;
import io.precursor.scenarios.shape.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a scenario into a directory as AWS CLI output files plus {@code scenario.json}:
 *
 * <pre>
 * scenario.json
 * kinesis/&lt;stream&gt;.json                    aws kinesis get-records (slow query and error logs)
 *   or, with {@link LogExport#FILTER_LOG_EVENTS}:
 * logs/&lt;log group&gt;/filter-log-events-00001.json  aws logs filter-log-events, e.g.
 *                                          logs/aws/rds/cluster/ads-prod/slowquery/...
 * metrics/queries.json                     --metric-data-queries
 * metrics/get-metric-data.json             aws cloudwatch get-metric-data
 * events/describe-events.json              aws rds describe-events --source-type db-cluster
 * events/describe-events-db-instance.json  aws rds describe-events --source-type db-instance
 * </pre>
 */
public final class ScenarioWriter {

  /** How the slow query and error logs are exported. */
  public enum LogExport {
    /** {@code aws kinesis get-records} of the stream a log subscription writes to (the default). */
    KINESIS_GET_RECORDS,
    /** {@code aws logs filter-log-events} of each log group. */
    FILTER_LOG_EVENTS
  }

  private ScenarioWriter() {}

  /** Writes {@code scenario} into {@code directory}, which must be empty or not exist yet. */
  public static ScenarioManifest write(Scenario scenario, Path directory) throws IOException {
    return write(scenario, directory, LogExport.KINESIS_GET_RECORDS);
  }

  /** As {@link #write(Scenario, Path)}, with the logs exported as {@code logExport} says. */
  public static ScenarioManifest write(Scenario scenario, Path directory, LogExport logExport)
      throws IOException {
    requireEmpty(directory);
    List<ScenarioFile> files = new ArrayList<>();
    Map<String, Object> logFacts = new LinkedHashMap<>();
    Map<String, Long> logEventsByType = new TreeMap<>();
    if (logExport == LogExport.KINESIS_GET_RECORDS) {
      KinesisExport kinesis =
          new KinesisGetRecordsWriter(
                  scenario.kinesisStream(),
                  scenario.fleet().account().accountId(),
                  scenario.subscriptionFilter(),
                  Seeds.derive(scenario.seed(), "kinesis"),
                  KinesisGetRecordsWriter.MAX_RECORDS_PER_CALL)
              .write(directory.resolve("kinesis"), scenario.start(), scenario.logSources());
      for (Path file : kinesis.files()) {
        files.add(
            new ScenarioFile(
                relative(directory, file),
                ScenarioFile.KINESIS_GET_RECORDS,
                Map.of("stream", scenario.kinesisStream())));
      }
      logFacts.put("kinesisRecords", kinesis.records());
      logEventsByType.putAll(kinesis.logEventsByType());
    } else {
      List<LogGroupExport> groups =
          new FilterLogEventsWriter(
                  Seeds.derive(scenario.seed(), "logs"), FilterLogEventsWriter.MAX_EVENTS_PER_CALL)
              .write(directory.resolve("logs"), scenario.logSources());
      for (LogGroupExport group : groups) {
        for (Path file : group.files()) {
          files.add(
              new ScenarioFile(
                  relative(directory, file),
                  ScenarioFile.FILTER_LOG_EVENTS,
                  Map.of("logGroup", group.logGroup())));
        }
        logEventsByType.merge(group.logType(), group.events(), Long::sum);
      }
    }

    Path queries = directory.resolve("metrics/queries.json");
    Path results = directory.resolve("metrics/get-metric-data.json");
    MetricExport metrics =
        MetricDataWriter.write(
            queries, results, scenario.metrics(), scenario.start(), scenario.end());
    files.add(
        new ScenarioFile(relative(directory, queries), ScenarioFile.METRIC_DATA_QUERIES, Map.of()));
    files.add(
        new ScenarioFile(
            relative(directory, results),
            ScenarioFile.GET_METRIC_DATA,
            Map.of("queries", relative(directory, queries))));

    Map<String, List<RdsEvent>> eventsBySourceType = new TreeMap<>();
    eventsBySourceType.put(RdsEvent.DB_CLUSTER, new ArrayList<>());
    for (RdsEvent event : scenario.events()) {
      eventsBySourceType.computeIfAbsent(event.sourceType(), type -> new ArrayList<>()).add(event);
    }
    for (Map.Entry<String, List<RdsEvent>> entry : eventsBySourceType.entrySet()) {
      String sourceType = entry.getKey();
      Path file =
          directory.resolve(
              sourceType.equals(RdsEvent.DB_CLUSTER)
                  ? "events/describe-events.json"
                  : "events/describe-events-" + sourceType + ".json");
      DescribeEventsWriter.write(file, entry.getValue());
      files.add(
          new ScenarioFile(
              relative(directory, file),
              ScenarioFile.DESCRIBE_EVENTS,
              Map.of("sourceType", sourceType)));
    }

    Map<String, Object> facts = new LinkedHashMap<>(scenario.facts());
    facts.putAll(logFacts);
    facts.put("slowQueryLogEvents", logEventsByType.getOrDefault("slowquery", 0L));
    facts.put("errorLogEvents", logEventsByType.getOrDefault("error", 0L));
    facts.put("metricSeries", (long) metrics.series());
    facts.put("metricDatapoints", metrics.datapoints());
    facts.put("rdsEvents", (long) scenario.events().size());

    ScenarioManifest manifest =
        new ScenarioManifest(
            scenario.name(),
            scenario.description(),
            scenario.seed(),
            scenario.start(),
            scenario.end(),
            scenario.fleet(),
            files,
            facts);
    manifest.write(directory);
    return manifest;
  }

  static void requireEmpty(Path directory) throws IOException {
    if (Files.exists(directory)) {
      if (!Files.isDirectory(directory)) {
        throw new IOException(directory + " is not a directory");
      }
      try (Stream<Path> entries = Files.list(directory)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(
              directory + " is not empty; write a scenario into a new or empty directory");
        }
      }
    }
    Files.createDirectories(directory);
  }

  private static String relative(Path directory, Path file) {
    // Forward slashes on every OS: the manifest is shared between machines.
    return directory.relativize(file).toString().replace('\\', '/');
  }
}
