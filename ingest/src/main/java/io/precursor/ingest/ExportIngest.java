package io.precursor.ingest;

import io.precursor.ingest.files.DescribeEventsFile;
import io.precursor.ingest.files.EventBridgeEventsFile;
import io.precursor.ingest.files.ExportFileException;
import io.precursor.ingest.files.FileEntries;
import io.precursor.ingest.files.FilePosition;
import io.precursor.ingest.files.FileReadError;
import io.precursor.ingest.files.FilterLogEventsFile;
import io.precursor.ingest.files.FilteredLogEvent;
import io.precursor.ingest.files.InstanceClusters;
import io.precursor.ingest.files.KinesisFileRecord;
import io.precursor.ingest.files.KinesisRecordsFile;
import io.precursor.ingest.files.MetricDataFile;
import io.precursor.ingest.logs.LogBatch;
import io.precursor.ingest.logs.LogEvent;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.MetricSample;
import io.precursor.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ingests a directory of AWS CLI exports — {@code kinesis/} (get-records output of the subscription
 * stream), {@code logs/<log group>/} (filter-log-events output of that log group, e.g. {@code
 * logs/aws/rds/cluster/ads-prod/slowquery/}), {@code metrics/} (get-metric-data output with its
 * {@code queries.json}), {@code events/} (describe-events output) and {@code eventbridge/} (aws.rds
 * events) — as the live stage would have ingested them.
 */
public final class ExportIngest {

  private final Topics topics;
  private final SubscriptionIngest subscriptions;
  private final IngestCounters counters;
  private final ExportSortBudget sortBudget;

  public ExportIngest(IngestConfig config, Topics topics, IngestCounters counters) {
    this.topics = topics;
    this.subscriptions = new SubscriptionIngest(config, topics, counters);
    this.counters = counters;
    this.sortBudget = ExportSortBudget.of(config);
  }

  /**
   * Reads every export under {@code directory} and hands the records to {@code sink} in event-time
   * order.
   *
   * @throws NoSuchFileException when the directory holds none of the known export folders
   */
  public void ingest(Path directory, IngestSink sink) throws IOException {
    Path kinesis = directory.resolve("kinesis");
    Path logs = directory.resolve("logs");
    Path metrics = directory.resolve("metrics");
    Path events = directory.resolve("events");
    Path eventBridge = directory.resolve("eventbridge");
    if (Stream.of(kinesis, logs, metrics, events, eventBridge).noneMatch(Files::isDirectory)) {
      throw new NoSuchFileException(
          directory.toString(),
          null,
          "holds none of kinesis/, logs/, metrics/, events/, eventbridge/");
    }
    try (TimeOrderedBuffer buffer = sortBudget.buffer(sink)) {
      ingest(kinesis, logs, metrics, events, eventBridge, buffer);
      buffer.flush();
    }
  }

  private void ingest(
      Path kinesis, Path logs, Path metrics, Path events, Path eventBridge, IngestSink buffer)
      throws IOException {
    // Log groups name each instance's cluster; datapoints and instance events do not.
    Map<String, String> clusterByInstance = new HashMap<>();
    IngestSink learning = new ClusterLearningSink(buffer, clusterByInstance);
    if (Files.isDirectory(kinesis)) {
      try (FileEntries<KinesisFileRecord> records = KinesisRecordsFile.read(kinesis)) {
        records.drain(
            // The file, the record's index and its line, so a bad record can be found.
            r -> subscriptions.accept(r.data(), r.source().toString(), learning),
            error -> deadLetter(buffer, error));
      }
    }
    if (Files.isDirectory(logs)) {
      ingestLogGroups(logs, learning, buffer);
    }
    // The exports end here, so a deadlock dump whose last lines are missing is published as is.
    subscriptions.flush(buffer);
    InstanceClusters clusters = new InstanceClusters(clusterByInstance);
    if (Files.isDirectory(metrics)) {
      Path queries = metrics.resolve("queries.json");
      for (Path results : metricResults(metrics)) {
        try (FileEntries<MetricSample> samples = MetricDataFile.read(results, queries, clusters)) {
          samples.drain(
              sample -> {
                counters.metrics.incrementAndGet();
                buffer.publish(topics.metrics(), sample.getInstance(), sample, sample.getTime());
              },
              error -> deadLetter(buffer, error));
        }
      }
    }
    if (Files.isDirectory(events)) {
      try (FileEntries<DbEvent> read = DescribeEventsFile.read(events, clusters)) {
        read.drain(event -> publishEvent(buffer, event), error -> deadLetter(buffer, error));
      }
    }
    if (Files.isDirectory(eventBridge)) {
      for (Path file : jsonFiles(eventBridge)) {
        try (FileEntries<DbEvent> read = EventBridgeEventsFile.read(file, clusters)) {
          read.drain(event -> publishEvent(buffer, event), error -> deadLetter(buffer, error));
        }
      }
    }
  }

  /**
   * Reads {@code logs/<log group>/*.json}: the folders under {@code logs} spell the log group,
   * which {@code filter-log-events} output does not name. Consecutive events of one log stream go
   * through the live path's router together, as a subscription record's would.
   */
  private void ingestLogGroups(Path logs, IngestSink learning, IngestSink buffer)
      throws IOException {
    for (Path file : jsonFiles(logs)) {
      deadLetter(
          buffer,
          new FileReadError(
              new FilePosition(file, FilePosition.WHOLE_FILE, 1),
              "filter-log-events output does not name its log group: put it in logs/<log group>/,"
                  + " e.g. logs/aws/rds/cluster/<cluster>/slowquery/",
              null));
    }
    for (Path groupDirectory : logGroupDirectories(logs)) {
      String logGroup = "/" + logs.relativize(groupDirectory).toString().replace('\\', '/');
      try (FileEntries<FilteredLogEvent> read = FilterLogEventsFile.read(groupDirectory)) {
        LogStreamRun run = new LogStreamRun(logGroup, learning);
        read.drain(run::add, error -> deadLetter(buffer, error));
        run.publish();
      }
    }
  }

  /** Events of one log stream that came one after the other, handed on as one batch. */
  private final class LogStreamRun {
    private static final int MAX_EVENTS = 500;

    private final String logGroup;
    private final IngestSink sink;
    private final List<LogEvent> events = new ArrayList<>();
    private String logStream;
    private FilePosition first;

    LogStreamRun(String logGroup, IngestSink sink) {
      this.logGroup = logGroup;
      this.sink = sink;
    }

    void add(FilteredLogEvent event) {
      if (!events.isEmpty()
          && (!event.logStream().equals(logStream) || events.size() == MAX_EVENTS)) {
        publish();
      }
      if (events.isEmpty()) {
        logStream = event.logStream();
        first = event.source();
      }
      events.add(event.event());
    }

    void publish() {
      if (events.isEmpty()) {
        return;
      }
      // The file and the first event's index, so a bad event can be found.
      subscriptions.acceptBatch(new LogBatch(logGroup, logStream, events), first.reference(), sink);
      events.clear();
    }
  }

  private static List<Path> logGroupDirectories(Path logs) throws IOException {
    try (Stream<Path> all = Files.walk(logs)) {
      return all.filter(Files::isDirectory)
          .filter(d -> !d.equals(logs))
          .filter(ExportIngest::holdsJsonFiles)
          .sorted()
          .toList();
    }
  }

  private static boolean holdsJsonFiles(Path directory) {
    try {
      return !jsonFiles(directory).isEmpty();
    } catch (IOException e) {
      throw new ExportFileException(directory, "cannot be listed", e);
    }
  }

  private void publishEvent(IngestSink sink, DbEvent event) {
    counters.dbEvents.incrementAndGet();
    sink.publish(topics.dbEvents(), event.getSourceId(), event, event.getTime());
  }

  private void deadLetter(IngestSink sink, FileReadError error) {
    counters.countDeadLetter(IngestCounters.DeadLetterReason.UNREADABLE_EXPORT_ITEM);
    sink.deadLetter(
        error.position().toString(),
        error.reason(),
        null,
        error.raw() == null ? new byte[0] : error.raw().getBytes(StandardCharsets.UTF_8));
  }

  private static List<Path> metricResults(Path metrics) throws IOException {
    return jsonFiles(metrics).stream()
        .filter(p -> !p.getFileName().toString().equals("queries.json"))
        .toList();
  }

  private static List<Path> jsonFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.jsonl?$"))
          .sorted()
          .toList();
    }
  }
}
