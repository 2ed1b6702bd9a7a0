package io.precursor.launcher;

import io.precursor.alerting.AlertingConfig;
import io.precursor.alerting.AlertingService;
import io.precursor.alerting.DeliveredAlert;
import io.precursor.embedded.EmbeddedKafkaBroker;
import io.precursor.embedded.LocalSlackWebhook;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestMetrics;
import io.precursor.observability.ObservabilityConfig;
import io.precursor.observability.StageTelemetry;
import io.precursor.scenarios.BundledScenarios;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.streams.StreamsStage;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Replays a bundled incident end to end on an embedded broker: ingest from AWS CLI exports, the
 * streams stage, alerting to a local Slack stand-in (or a real webhook), and prints what on-call
 * would have seen and how long before the failover.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Replays the bundled seed-000 incident end to end on an embedded Kafka broker (no AWS"
            + " account, no Docker) and prints the precursor, its lead time and the Slack message.")
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--scenario",
      defaultValue = "seed-000",
      description = "Bundled scenario to replay (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(
      names = "--slack-webhook",
      paramLabel = "URL",
      description =
          "Post to this Slack incoming webhook instead of the local stand-in (read from"
              + " PRECURSOR_ALERTING_SLACK_WEBHOOK_URL when not given).")
  URI slackWebhook;

  @Option(
      names = "--timeout",
      defaultValue = "PT120S",
      description =
          "Give up when the precursor has not been posted by then (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--observe",
      description =
          "Serve each stage's /metrics, /health/live and /health/ready on a free loopback port"
              + " and print where.")
  boolean observe;

  @Option(
      names = "--linger",
      defaultValue = "PT0S",
      description =
          "Keep running this long after the outcome, e.g. to scrape the --observe endpoints"
              + " (ISO-8601, default: ${DEFAULT-VALUE}; Ctrl-C ends it).")
  Duration linger;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    PrintStream out = System.out;
    Path work = Files.createTempDirectory("precursor-demo");
    List<DeliveredAlert> delivered = new CopyOnWriteArrayList<>();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        LocalSlackWebhook standIn = LocalSlackWebhook.start()) {
      out.printf("Kafka broker (KRaft, in-process) at %s%n", broker.bootstrapServers());
      URI webhook = webhook(standIn);
      Settings settings = settings(broker, webhook, work);
      Topics topics = new Topics(new TopicsConfig(settings.asMap()));
      TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());

      ScenarioManifest manifest = BundledScenarios.extract(scenario, work.resolve(scenario));
      out.printf("Scenario %s: %s%n", manifest.name(), manifest.description());
      IngestCounters counters = new IngestCounters();
      try (StageTelemetry ingestTelemetry =
              StageTelemetries.ingest(new IngestMetrics(counters), null, settings.asMap());
          StreamsStage streams = new StreamsStage(settings.asMap());
          StageTelemetry streamsTelemetry = StageTelemetries.streams(streams, settings.asMap());
          AlertingService alerting =
              new AlertingService(new AlertingConfig(settings.asMap()), topics);
          StageTelemetry alertingTelemetry =
              StageTelemetries.alerting(alerting, settings.asMap())) {
        for (StageTelemetry telemetry :
            List.of(ingestTelemetry, streamsTelemetry, alertingTelemetry)) {
          telemetry
              .url()
              .ifPresent(url -> out.printf("METRICS    %-8s %smetrics%n", telemetry.stage(), url));
        }
        ExportLoader.load(settings, topics, work.resolve(scenario), sink -> sink, counters);
        out.printf("Ingested %s%n", counters);
        alerting.onDelivered(delivered::add);
        streams.start();
        Thread alertingThread = new Thread(alerting, "precursor-demo-alerting");
        alertingThread.start();
        DemoOutcome outcome =
            DemoOutcome.await(
                broker.bootstrapServers(), topics, delivered, timeout, streams::state);
        outcome.print(out, webhook.equals(standIn.url()) ? "the local Slack stand-in" : "Slack");
        out.printf("Done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        lingerIfAsked(out);
        return outcome.complete() ? 0 : 1;
      }
    } finally {
      deleteRecursively(work);
    }
  }

  private void lingerIfAsked(PrintStream out) {
    if (linger.isZero() || linger.isNegative()) {
      return;
    }
    out.printf("Lingering %s (Ctrl-C ends it)%n", linger);
    try {
      // Nothing counts this latch down: it is an interruptible wait for the linger time.
      new CountDownLatch(1).await(linger.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // Interruption only ends the linger; the stages still close in order.
    }
  }

  private URI webhook(LocalSlackWebhook standIn) {
    if (slackWebhook != null) {
      return slackWebhook;
    }
    String fromEnv = System.getenv(Settings.envName(AlertingConfig.WEBHOOK_URL));
    return fromEnv != null ? URI.create(fromEnv) : standIn.url();
  }

  private Settings settings(EmbeddedKafkaBroker broker, URI webhook, Path work) {
    return Settings.load(List.of(), null, Map.of(), Map.of())
        .with("bootstrap.servers", broker.bootstrapServers())
        .with(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://precursor-demo")
        .with(TopicsConfig.REPLICATION_FACTOR, "1")
        .with(TopicsConfig.PARTITIONS, "3")
        .with("streams.application.id", "precursor-demo")
        .with("streams.state.dir", work.resolve("streams-state").toString())
        .with(AlertingConfig.WEBHOOK_URL, webhook.toString())
        .with(AlertingConfig.WEBHOOK_NAME, "demo")
        // Three stages share the process: each takes a free loopback port, or none.
        .with(ObservabilityConfig.HTTP_ENABLED, Boolean.toString(observe))
        .with(ObservabilityConfig.HTTP_HOST, "127.0.0.1")
        .with(ObservabilityConfig.HTTP_PORT, "0");
  }

  static void deleteRecursively(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
