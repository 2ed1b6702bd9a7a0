package io.precursor.ingest;

import io.precursor.topics.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An in-memory sink that remembers what ingest handed it, in order. */
final class RecordingSink implements IngestSink {

  record Published(String topic, String key, Object value, Instant time) {}

  record Dead(String source, String reason, byte[] raw) {}

  final List<Published> published = new ArrayList<>();
  final List<Dead> dead = new ArrayList<>();

  @Override
  public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
    published.add(new Published(topic.name(), key, value, eventTime));
  }

  @Override
  public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
    dead.add(new Dead(source, reason, raw));
  }

  long count(String topic) {
    return published.stream().filter(p -> p.topic().equals(topic)).count();
  }
}
