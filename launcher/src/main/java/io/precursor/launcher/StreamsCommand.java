package io.precursor.launcher;

import io.precursor.streams.StreamsStage;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.topics.TopicsConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the detection topology until stopped. */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description = "Runs the streams stage: detects precursors and opens incidents (exactly once).")
final class StreamsCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Mixin TopicOptions topicOptions;

  @Override
  public Integer call() throws Exception {
    Settings settings =
        config.load(List.of(TopicsConfig.DEFINITION, StreamsStageConfig.DEFINITION));
    topicOptions.ensure(
        String.join(",", new StreamsStageConfig(settings.asMap()).getList("bootstrap.servers")),
        settings);
    StreamsStage stage = new StreamsStage(settings.asMap());
    Shutdown shutdown = Shutdown.closing(stage);
    stage.start();
    shutdown.await();
    return 0;
  }
}
