package io.precursor.ingest;

import io.precursor.topics.Topic;
import java.time.Instant;

/** Where ingest hands what it read: records for a topic, and input it could not read. */
public interface IngestSink {

  /** One record keyed by {@code key} (the DB instance or event source) at its event time. */
  <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime);

  /** Input that could not be read, with its raw bytes and the reason. */
  void deadLetter(String source, String reason, Throwable error, byte[] raw);
}
