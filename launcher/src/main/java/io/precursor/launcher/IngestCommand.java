package io.precursor.launcher;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestMetrics;
import io.precursor.ingest.events.EventPollerConfig;
import io.precursor.ingest.events.EventPolling;
import io.precursor.ingest.kinesis.KinesisIngest;
import io.precursor.ingest.kinesis.KinesisIngestConfig;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.MetricPollerConfig;
import io.precursor.ingest.metrics.MetricPolling;
import io.precursor.observability.ObservabilityConfig;
import io.precursor.observability.StageTelemetry;
import io.precursor.topics.KafkaSecurityConfig;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Path;
import java.time.Duration;
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
            + " events/, eventbridge/) onto the topics, once. Without: reads the CloudWatch Logs"
            + " subscription stream with a KCL worker (when ingest.kinesis.stream is set) and polls"
            + " CloudWatch GetMetricData and RDS DescribeEvents for the fleet until stopped.")
final class IngestCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Mixin TopicOptions topicOptions;

  @Option(
      names = "--files",
      paramLabel = "DIR",
      description = "Directory of exports, laid out as `precursor simulate` writes them.")
  Path files;

  @Option(names = "--no-metric-poll", description = "Do not poll CloudWatch metrics.")
  boolean noMetricPoll;

  @Option(names = "--no-event-poll", description = "Do not poll RDS events.")
  boolean noEventPoll;

  @Override
  public Integer call() throws Exception {
    Settings settings =
        config.load(
            List.of(
                TopicsConfig.DEFINITION,
                KafkaSecurityConfig.DEFINITION,
                IngestConfig.DEFINITION,
                AwsPollConfig.DEFINITION,
                MetricPollerConfig.DEFINITION,
                EventPollerConfig.DEFINITION,
                KinesisIngestConfig.DEFINITION,
                ObservabilityConfig.DEFINITION));
    IngestConfig ingestConfig = new IngestConfig(settings.asMap());
    Topics topics = new Topics(new TopicsConfig(settings.asMap()));
    topicOptions.ensure(ingestConfig.bootstrapServers(), settings);
    IngestCounters counters = new IngestCounters();
    IngestMetrics metrics = new IngestMetrics(counters);
    if (files != null) {
      try (StageTelemetry telemetry = StageTelemetries.ingest(metrics, null, settings.asMap())) {
        ExportLoader.load(settings, topics, files, sink -> sink, counters);
      }
      System.out.println("ingested " + counters);
      return 0;
    }
    List<AutoCloseable> running = new ArrayList<>();
    KinesisIngest logs = null;
    String stream = settings.asMap().get(KinesisIngestConfig.STREAM);
    if (stream != null && !stream.isBlank()) {
      logs =
          KinesisIngest.start(
              new KinesisIngestConfig(settings.asMap()), ingestConfig, topics, counters);
      running.add(logs);
      metrics.with(logs);
    }
    if (!noEventPoll) {
      EventPolling events = EventPolling.start(settings.asMap(), topics);
      running.add(events);
      metrics.with(events);
    }
    if (!noMetricPoll) {
      MetricPolling polling = MetricPolling.start(settings.asMap(), topics);
      running.add(polling);
      metrics.with(polling);
    }
    if (running.isEmpty()) {
      System.err.println(
          "precursor ingest: nothing to do: give --files, set ingest.kinesis.stream, or leave a"
              + " poll on");
      return 2;
    }
    StageTelemetry telemetry = StageTelemetries.ingest(metrics, logs, settings.asMap());
    AutoCloseable all =
        () -> {
          try (telemetry) {
            for (AutoCloseable part : running) {
              part.close();
            }
          }
        };
    Shutdown shutdown = Shutdown.closing(all);
    while (!shutdown.awaitRequested(Duration.ofSeconds(1))) {
      // A halted KCL worker checkpoints nothing more: exit so the supervisor restarts us.
      if (logs != null && logs.failure().isPresent()) {
        System.err.println("precursor ingest: the Kinesis worker halted: " + logs.failure().get());
        all.close();
        return 1;
      }
    }
    return 0;
  }
}
