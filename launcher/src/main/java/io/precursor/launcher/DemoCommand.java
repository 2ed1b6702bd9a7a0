package io.precursor.launcher;

import io.precursor.alerting.AlertingConfig;
import io.precursor.alerting.AlertingService;
import io.precursor.alerting.DeliveredAlert;
import io.precursor.embedded.EmbeddedKafkaBroker;
import io.precursor.embedded.LocalSlackWebhook;
import io.precursor.ingest.IngestCounters;
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
      IngestCounters counters =
          ExportLoader.load(settings, topics, work.resolve(scenario), sink -> sink);
      out.printf("Ingested %s%n", counters);

      try (StreamsStage streams = new StreamsStage(settings.asMap());
          AlertingService alerting =
              new AlertingService(new AlertingConfig(settings.asMap()), topics)) {
        alerting.onDelivered(delivered::add);
        streams.start();
        Thread alertingThread = new Thread(alerting, "precursor-demo-alerting");
        alertingThread.start();
        DemoOutcome outcome =
            DemoOutcome.await(
                broker.bootstrapServers(), topics, delivered, timeout, streams::state);
        outcome.print(out, webhook.equals(standIn.url()) ? "the local Slack stand-in" : "Slack");
        out.printf("Done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return outcome.complete() ? 0 : 1;
      }
    } finally {
      deleteRecursively(work);
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
        .with(AlertingConfig.WEBHOOK_NAME, "demo");
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
