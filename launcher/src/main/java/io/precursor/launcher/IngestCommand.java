package io.precursor.launcher;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.events.EventPollerConfig;
import io.precursor.ingest.events.EventPolling;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.MetricPollerConfig;
import io.precursor.ingest.metrics.MetricPolling;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Ingests AWS CLI exports once, or polls CloudWatch metrics and RDS events until stopped. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Runs the ingest stage. With --files: a directory of AWS CLI exports (kinesis/, metrics/,"
            + " events/, eventbridge/) onto the topics, once. Without: polls CloudWatch"
            + " GetMetricData and RDS DescribeEvents for the configured fleet until stopped.")
final class IngestCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Mixin TopicOptions topicOptions;

  @Option(
      names = "--files",
      paramLabel = "DIR",
      description = "Directory of exports, laid out as `precursor simulate` writes them.")
  Path files;

  @Option(
      names = "--metric-poll",
      negatable = true,
      defaultValue = "true",
      description = "Poll CloudWatch metrics (default: ${DEFAULT-VALUE}).")
  boolean metricPoll;

  @Option(
      names = "--event-poll",
      negatable = true,
      defaultValue = "true",
      description = "Poll RDS events (default: ${DEFAULT-VALUE}).")
  boolean eventPoll;

  @Override
  public Integer call() throws Exception {
    Settings settings =
        config.load(
            List.of(
                TopicsConfig.DEFINITION,
                IngestConfig.DEFINITION,
                AwsPollConfig.DEFINITION,
                MetricPollerConfig.DEFINITION,
                EventPollerConfig.DEFINITION));
    IngestConfig ingestConfig = new IngestConfig(settings.asMap());
    Topics topics = new Topics(new TopicsConfig(settings.asMap()));
    topicOptions.ensure(ingestConfig.bootstrapServers(), settings);
    if (files != null) {
      IngestCounters counters = ExportLoader.load(settings, topics, files, sink -> sink);
      System.out.println("ingested " + counters);
      return 0;
    }
    List<AutoCloseable> running = new ArrayList<>();
    if (eventPoll) {
      running.add(EventPolling.start(settings.asMap(), topics));
    }
    if (metricPoll) {
      running.add(MetricPolling.start(settings.asMap(), topics));
    }
    if (running.isEmpty()) {
      System.err.println("precursor ingest: nothing to do: give --files, or leave a poll on");
      return 2;
    }
    Shutdown.closing(
            () -> {
              for (AutoCloseable part : running) {
                part.close();
              }
            })
        .await();
    return 0;
  }
}
