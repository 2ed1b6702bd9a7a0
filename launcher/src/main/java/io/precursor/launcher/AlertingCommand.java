package io.precursor.launcher;

import io.precursor.alerting.AlertingConfig;
import io.precursor.alerting.AlertingService;
import io.precursor.observability.ObservabilityConfig;
import io.precursor.observability.StageTelemetry;
import io.precursor.topics.KafkaSecurityConfig;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Posts precursors and incidents to Slack until stopped. */
@Command(
    name = "alerting",
    mixinStandardHelpOptions = true,
    description = "Runs the alerting stage: posts precursors and incidents to Slack, audited.")
final class AlertingCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    Settings settings =
        config.load(
            List.of(
                TopicsConfig.DEFINITION,
                KafkaSecurityConfig.DEFINITION,
                AlertingConfig.DEFINITION,
                ObservabilityConfig.DEFINITION));
    Topics topics = new Topics(new TopicsConfig(settings.asMap()));
    AlertingService service = new AlertingService(new AlertingConfig(settings.asMap()), topics);
    StageTelemetry telemetry = StageTelemetries.alerting(service, settings.asMap());
    Shutdown.closing(
        () -> {
          try (telemetry) {
            service.close();
          }
        });
    service.run();
    return 0;
  }
}
