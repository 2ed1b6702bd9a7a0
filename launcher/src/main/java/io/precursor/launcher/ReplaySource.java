package io.precursor.launcher;

import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestSink;
import io.precursor.topics.Topics;
import java.util.function.UnaryOperator;

/** Where a replay's input comes from: AWS CLI exports, or AWS itself. */
interface ReplaySource {

  /**
   * Ingests the input onto the replay's input topics and waits until Kafka has it all.
   *
   * @param view may wrap the publisher, e.g. to keep only the window and the cluster
   * @param counters counts what is read, while it is read (progress shows them)
   * @throws ReplaySourceException when the input cannot be read at all, with what to fix
   */
  ReplayInput load(
      Settings settings, Topics topics, UnaryOperator<IngestSink> view, IngestCounters counters);

  /** Which source, for the progress line. */
  String describe();
}
