package io.precursor.launcher;

import io.precursor.ingest.ExportIngest;
import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.IngestSink;
import io.precursor.topics.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Loads a directory of AWS CLI exports onto the input topics and waits until Kafka has it all. */
final class ExportLoader {

  private ExportLoader() {}

  /**
   * Ingests {@code exports}; {@code view} may wrap the publisher, e.g. to keep only one cluster.
   */
  static IngestCounters load(
      Settings settings, Topics topics, Path exports, UnaryOperator<IngestSink> view)
      throws IOException {
    return load(settings, topics, exports, view, new IngestCounters());
  }

  /** As above, counting into {@code counters}, which progress and metrics may read meanwhile. */
  static IngestCounters load(
      Settings settings,
      Topics topics,
      Path exports,
      UnaryOperator<IngestSink> view,
      IngestCounters counters)
      throws IOException {
    IngestConfig config = new IngestConfig(settings.asMap());
    try (IngestPublisher publisher = new IngestPublisher(config, topics)) {
      new ExportIngest(config, topics, counters).ingest(exports, view.apply(publisher));
      publisher.awaitAcknowledged();
    }
    return counters;
  }
}
