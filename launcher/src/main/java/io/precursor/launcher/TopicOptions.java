package io.precursor.launcher;

import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.util.List;
import picocli.CommandLine.Option;

/** The option of the stage commands that creates missing topics at start. */
final class TopicOptions {

  @Option(
      names = "--create-topics",
      negatable = true,
      defaultValue = "true",
      description = "Create missing topics at start (default: ${DEFAULT-VALUE}).")
  boolean createTopics;

  /** Creates the missing topics when asked to. */
  void ensure(String bootstrapServers, Settings settings) {
    if (createTopics) {
      TopicsConfig config = new TopicsConfig(settings.asMap());
      TopicProvisioner.ensure(
          bootstrapServers, config.replicationFactor(), List.copyOf(new Topics(config).all()));
    }
  }
}
