package io.precursor.launcher;

import io.precursor.observability.ObservabilityConfig;
import io.precursor.observability.StageTelemetry;
import io.precursor.streams.StreamsStage;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.topics.KafkaSecurityConfig;
import io.precursor.topics.TopicsConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the detection topology until stopped. */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description = "Runs the streams stage: detects precursors and opens incidents (exactly once).")
final class StreamsCommand implements Callable<Integer> {

  static final int DEFAULT_QUERY_PORT = 7070;

  @Mixin ConfigOptions config;

  @Mixin TopicOptions topicOptions;

  @Override
  public Integer call() throws Exception {
    // The deployed stage answers queries unless told otherwise; embedded uses of the stage
    // (demo, replay, tests) leave the endpoint off.
    Settings settings =
        config
            .load(
                List.of(
                    TopicsConfig.DEFINITION,
                    KafkaSecurityConfig.DEFINITION,
                    StreamsStageConfig.DEFINITION,
                    ObservabilityConfig.DEFINITION))
            .withDefault(StreamsStageConfig.QUERY_PORT, String.valueOf(DEFAULT_QUERY_PORT));
    topicOptions.ensure(
        String.join(",", new StreamsStageConfig(settings.asMap()).getList("bootstrap.servers")),
        settings);
    StreamsStage stage = new StreamsStage(settings.asMap());
    StageTelemetry telemetry = StageTelemetries.streams(stage, settings.asMap());
    Shutdown shutdown =
        Shutdown.closing(
            () -> {
              try (telemetry) {
                stage.close();
              }
            });
    stage.start();
    // A stage whose Kafka Streams client died must exit, so its supervisor restarts it; an idle
    // JVM in ERROR would look alive and process nothing.
    while (!shutdown.awaitRequested(Duration.ofSeconds(1))) {
      if (stage.state() == KafkaStreams.State.ERROR) {
        System.err.println("precursor streams: Kafka Streams stopped in ERROR; exiting");
        stage.close();
        return 1;
      }
    }
    return 0;
  }
}
