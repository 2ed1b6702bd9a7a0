package io.precursor.launcher;

import io.precursor.ingest.ExportIngest;
import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestPublisher;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Ingests AWS CLI exports into Kafka. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Runs the ingest stage on a directory of AWS CLI exports (kinesis/, metrics/, events/,"
            + " eventbridge/): slow and error logs, metrics and RDS events onto their topics.")
final class IngestCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(
      names = "--files",
      required = true,
      paramLabel = "DIR",
      description = "Directory of exports, laid out as `precursor simulate` writes them.")
  Path files;

  @Option(
      names = "--create-topics",
      negatable = true,
      defaultValue = "true",
      description = "Create missing topics at start (default: ${DEFAULT-VALUE}).")
  boolean createTopics;

  @Override
  public Integer call() throws Exception {
    Settings settings = config.load(List.of(TopicsConfig.DEFINITION, IngestConfig.DEFINITION));
    IngestConfig ingestConfig = new IngestConfig(settings.asMap());
    TopicsConfig topicsConfig = new TopicsConfig(settings.asMap());
    Topics topics = new Topics(topicsConfig);
    if (createTopics) {
      TopicProvisioner.ensure(
          ingestConfig.bootstrapServers(), topicsConfig.replicationFactor(), topics.all());
    }
    IngestCounters counters = new IngestCounters();
    try (IngestPublisher publisher = new IngestPublisher(ingestConfig, topics)) {
      new ExportIngest(ingestConfig, topics, counters).ingest(files, publisher);
      publisher.awaitAcknowledged();
    }
    System.out.println("ingested " + counters);
    return 0;
  }
}
