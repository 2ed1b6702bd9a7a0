package io.precursor.launcher;

import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.util.List;
import picocli.CommandLine.Option;

/** The option of the stage commands that creates missing topics at start. */
final class TopicOptions {

  // A plain flag: picocli keeps a negatable option that defaults to true at true.
  @Option(
      names = "--no-create-topics",
      description = "Do not create missing topics at start (they must exist).")
  boolean skipTopicCreation;

  /** Creates the missing topics when asked to. */
  void ensure(String bootstrapServers, Settings settings) {
    if (!skipTopicCreation) {
      TopicsConfig config = new TopicsConfig(settings.asMap());
      TopicProvisioner.ensure(
          settings.asMap(),
          bootstrapServers,
          config.replicationFactor(),
          List.copyOf(new Topics(config).all()));
    }
  }
}
