package io.precursor.launcher;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
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

  @Mixin TopicOptions topicOptions;

  @Override
  public Integer call() throws Exception {
    Settings settings = config.load(List.of(TopicsConfig.DEFINITION, IngestConfig.DEFINITION));
    IngestConfig ingestConfig = new IngestConfig(settings.asMap());
    Topics topics = new Topics(new TopicsConfig(settings.asMap()));
    topicOptions.ensure(ingestConfig.bootstrapServers(), settings);
    IngestCounters counters = ExportLoader.load(settings, topics, files, sink -> sink);
    System.out.println("ingested " + counters);
    return 0;
  }
}
