package io.precursor.alerting;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.precursor.alerting.slack.DeliveryOutcome;
import io.precursor.alerting.slack.SlackWebhook;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The alerting stage's meters: what it read and did ({@link AlertingCounters}), Slack attempts and
 * outcomes, rate-limit waits, and the Kafka consumer's and producer's own metrics.
 */
public final class AlertingMetrics implements MeterBinder, AutoCloseable {

  private static final String ACTION = "action";
  private static final String SLACK = "slack_message";

  private final AlertingService service;
  private KafkaClientMetrics consumerMetrics;
  private KafkaClientMetrics producerMetrics;

  public AlertingMetrics(AlertingService service) {
    this.service = service;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    AlertingCounters counters = service.counters();
    count(
        registry,
        "precursor.alerting.records.read",
        "Precursors and incidents read",
        counters,
        AlertingCounters::recordsRead);
    count(
        registry,
        "precursor.alerting.duplicates.skipped",
        "Alerts not sent again because their action was already done",
        counters,
        AlertingCounters::duplicatesSkipped);
    count(
        registry,
        "precursor.alerting.below.severity",
        "Precursors under alerting.min.severity",
        counters,
        AlertingCounters::belowSeverity);
    FunctionCounter.builder(
            "precursor.alerting.dead.letters", counters, AlertingCounters::deadLettered)
        .description("Records set aside on the alerting dead-letter topic")
        .tag("reason", "unusable_record")
        .register(registry);
    FunctionCounter.builder(
            "precursor.alerting.action.attempts", counters, AlertingCounters::slackAttempts)
        .description("Attempts at an action (HTTP posts to Slack, retries included)")
        .tag(ACTION, SLACK)
        .register(registry);
    for (DeliveryOutcome.Status status : DeliveryOutcome.Status.values()) {
      FunctionCounter.builder(
              "precursor.alerting.action.outcomes", counters, c -> c.slackOutcomes(status))
          .description("Actions by how they ended")
          .tag(ACTION, SLACK)
          .tag("outcome", status.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    for (SlackWebhook webhook : service.webhooks().values()) {
      FunctionCounter.builder(
              "precursor.alerting.rate.limit.waits", webhook, SlackWebhook::rateLimitWaits)
          .description("Slack posts that waited for the token bucket")
          .tag("webhook", webhook.name())
          .register(registry);
      FunctionCounter.builder(
              "precursor.alerting.rate.limit.wait", webhook, SlackWebhook::rateLimitWaitSeconds)
          .description("Time spent waiting for the token bucket")
          .tag("webhook", webhook.name())
          .baseUnit("seconds")
          .register(registry);
      FunctionCounter.builder(
              "precursor.alerting.slack.retry.after", webhook, SlackWebhook::retryAfterPauses)
          .description("Times Slack answered 429 and posting paused for its Retry-After")
          .tag("webhook", webhook.name())
          .register(registry);
    }
    snapshotOutcome(registry, counters, "taken", AlertingCounters::snapshotsTaken);
    snapshotOutcome(registry, counters, "dry_run", AlertingCounters::snapshotsDryRun);
    snapshotOutcome(registry, counters, "skipped", AlertingCounters::snapshotsSkipped);
    snapshotOutcome(registry, counters, "failed", AlertingCounters::snapshotsFailed);
    snapshotOutcome(registry, counters, "deferred", AlertingCounters::snapshotsDeferred);
    consumerMetrics = new KafkaClientMetrics(service.consumer());
    consumerMetrics.bindTo(registry);
    producerMetrics = new KafkaClientMetrics(service.producer());
    producerMetrics.bindTo(registry);
  }

  private static void snapshotOutcome(
      MeterRegistry registry,
      AlertingCounters counters,
      String outcome,
      ToDoubleFunction<AlertingCounters> value) {
    FunctionCounter.builder("precursor.alerting.action.outcomes", counters, value)
        .description("Actions by how they ended")
        .tag(ACTION, "rds_snapshot")
        .tag("outcome", outcome)
        .register(registry);
  }

  private static void count(
      MeterRegistry registry,
      String name,
      String description,
      AlertingCounters counters,
      ToDoubleFunction<AlertingCounters> value) {
    FunctionCounter.builder(name, counters, value).description(description).register(registry);
  }

  @Override
  public void close() {
    if (consumerMetrics != null) {
      consumerMetrics.close();
    }
    if (producerMetrics != null) {
      producerMetrics.close();
    }
  }
}
