package io.precursor.launcher;

import io.precursor.embedded.EmbeddedKafkaBroker;
import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.events.EventPollerConfig;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.MetricPollerConfig;
import io.precursor.launcher.report.ReplayOutput;
import io.precursor.launcher.report.ReplayProgress;
import io.precursor.streams.StreamsStage;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.topics.Topic;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Replays a historical window, from AWS CLI exports or read from AWS, through the same topology as
 * live, on replay-scoped topics and its own application id, and reports what it would have caught.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Replays a window of AWS CLI exports (laid out as `precursor simulate` writes them) or,"
            + " with --source aws, of CloudWatch Logs, CloudWatch metrics and RDS events read"
            + " from AWS,"
            + " through the detection topology on replay-scoped topics, on an embedded broker"
            + " unless --bootstrap-servers is given; live topics and state are never touched."
            + " Prints precursors, incidents and lead times; posts nothing to Slack.")
final class ReplayCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Mixin ReplaySourceOptions input;

  @Option(
      names = "--from",
      paramLabel = "INSTANT",
      description = "Window start (ISO-8601, inclusive).")
  Instant from;

  @Option(names = "--to", paramLabel = "INSTANT", description = "Window end (ISO-8601, exclusive).")
  Instant to;

  @Option(names = "--cluster", description = "Only this DB cluster.")
  String cluster;

  @Option(names = "--instance", description = "Only this DB instance (and its cluster's events).")
  String instance;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Replay on this Kafka cluster instead of an embedded broker.")
  String bootstrapServers;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the report goes (default: replay-<run id> in the current directory).")
  Path out;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description =
          "The self-contained HTML report (default: report.html in --out); the same data goes"
              + " beside it as JSON (report.json).")
  Path report;

  @Option(
      names = "--timeout",
      defaultValue = "PT10M",
      description =
          "Give up when the topology has not caught up by then (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    ReplaySource source;
    try {
      source = input.source(from, to, cluster, instance);
    } catch (IllegalArgumentException e) {
      System.err.println("precursor replay: " + e.getMessage());
      return 2;
    }
    Path work = Files.createTempDirectory("precursor-replay");
    ReplayOutput output = null;
    EmbeddedKafkaBroker broker = bootstrapServers == null ? EmbeddedKafkaBroker.start() : null;
    try {
      String servers = broker != null ? broker.bootstrapServers() : bootstrapServers;
      String run = runId();
      Settings settings =
          config
              .load(
                  List.of(
                      TopicsConfig.DEFINITION,
                      StreamsStageConfig.DEFINITION,
                      IngestConfig.DEFINITION,
                      AwsPollConfig.DEFINITION,
                      MetricPollerConfig.DEFINITION,
                      EventPollerConfig.DEFINITION))
              .with("bootstrap.servers", servers)
              .with(TopicsConfig.TOPIC_PREFIX, "replay-" + run + ".")
              .with(StreamsStageConfig.APPLICATION_ID, "precursor-replay-" + run)
              .with(StreamsStageConfig.STATE_DIR, work.resolve("state").toString())
              .withDefault(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://precursor-replay");
      if (broker != null) {
        settings = settings.with(TopicsConfig.REPLICATION_FACTOR, "1");
      }
      TopicsConfig topicsConfig = new TopicsConfig(settings.asMap());
      Topics topics = new Topics(topicsConfig);
      // Records carry the event times of the window replayed, often weeks old: under a cluster's
      // time-based retention (7 days by default) a retention check would delete them before the
      // topology read them. The topics are this run's own; delete them when done with it.
      TopicProvisioner.ensure(
          servers,
          topicsConfig.replicationFactor(),
          topics.all().stream()
              .<Topic<?, ?>>map(t -> t.withConfigs(Map.of("retention.ms", "-1")))
              .toList());
      ReplayFilter filter = new ReplayFilter(from, to, cluster, instance);
      output = new ReplayOutput(run, from, to, scope(), reportFile(run), ReplayProgress.onStderr());
      IngestCounters counters = new IngestCounters();
      output.ingesting(counters);
      ReplayInput read;
      try {
        read = source.load(settings, topics, output.view(filter::wrap), counters);
      } catch (ReplaySourceException e) {
        output.close();
        System.err.println("precursor replay: " + e.getMessage());
        return 2;
      }
      System.out.printf("replay %s of %s:%n", run, source.describe());
      read.print(System.out);

      try (StreamsStage streams = new StreamsStage(settings.asMap());
          Admin admin =
              Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
        streams.start();
        // Input topics and the repartition topics between sub-topologies, as the topology reads
        // them.
        List<String> inputs =
            streams.sourceTopics().stream().filter(t -> !t.endsWith("-repartition")).toList();
        output.detecting(admin, settings.asMap().get(StreamsStageConfig.APPLICATION_ID), inputs);
        boolean caughtUp =
            new TopologyCatchUp(
                    admin, settings.asMap().get(StreamsStageConfig.APPLICATION_ID), inputs)
                .await(timeout, () -> streams.state() == KafkaStreams.State.ERROR);
        if (!caughtUp) {
          output.close();
          System.err.println("precursor replay: the topology did not catch up within " + timeout);
          return 1;
        }
      }
      ReplayResult result = ReplayResult.read(servers, topics);
      output.close();
      System.out.println();
      result.print(System.out);
      output.finish(result.precursors(), result.incidents(), counters, System.out);
      System.out.printf("%nreplayed in %.1f s%n", (System.nanoTime() - started) / 1e9);
      return 0;
    } finally {
      if (output != null) {
        output.close();
      }
      if (broker != null) {
        broker.close();
      }
      DemoCommand.deleteRecursively(work);
    }
  }

  private Path reportFile(String run) {
    if (report != null) {
      return report;
    }
    return (out != null ? out : Path.of("replay-" + run)).resolve("report.html");
  }

  private String scope() {
    if (instance != null) {
      return "instance " + instance;
    }
    return cluster != null ? "cluster " + cluster : null;
  }

  /**
   * A fresh id per run, so a replay on a shared cluster never reads an earlier run's topics;
   * precursor and incident ids come from the data, so they are the same on every rerun.
   */
  private static String runId() {
    return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
        .withZone(java.time.ZoneOffset.UTC)
        .format(Instant.now());
  }
}
