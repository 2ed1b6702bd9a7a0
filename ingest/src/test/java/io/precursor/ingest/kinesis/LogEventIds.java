package io.precursor.ingest.kinesis;

import io.precursor.ingest.IngestSink;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.topics.Topic;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A sink that keeps the CloudWatch event ids of the slow-log and error-log entries handed to it.
 */
final class LogEventIds implements IngestSink {

  final Set<String> ids = new HashSet<>();
  int deadLetters;

  @Override
  public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
    if (value instanceof SlowQueryEntry entry) {
      ids.add(entry.getEventId());
    } else if (value instanceof ErrorLogEntry entry) {
      ids.add(entry.getEventId());
    }
  }

  @Override
  public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
    deadLetters++;
  }
}
