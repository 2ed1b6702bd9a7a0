package io.precursor.ingest.metrics;

import io.precursor.ingest.IngestPublishException;
import io.precursor.topics.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A poll output in memory that remembers what it was handed and can refuse an acknowledgement. */
public final class RecordingOutput implements PollOutput {

  /** A record handed to the output. */
  public record Published(String topic, String key, Object value, Instant time) {}

  /** A dead letter handed to the output. */
  public record Dead(String source, String reason) {}

  private final List<Published> published = new ArrayList<>();
  private final List<Dead> dead = new ArrayList<>();
  private int acknowledgements;
  private boolean refuseNext;

  @Override
  public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
    published.add(new Published(topic.name(), key, value, eventTime));
  }

  @Override
  public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
    dead.add(new Dead(source, reason));
  }

  @Override
  public void awaitAcknowledged() {
    if (refuseNext) {
      refuseNext = false;
      throw new IngestPublishException("Kafka refused a record (scripted)", null);
    }
    acknowledgements++;
  }

  /** The next {@link #awaitAcknowledged()} fails as if Kafka refused a record. */
  public void refuseNextAcknowledgement() {
    refuseNext = true;
  }

  /** The values published, in order, cast to {@code type}. */
  public <V> List<V> values(Class<V> type) {
    return published.stream().map(p -> type.cast(p.value())).toList();
  }

  public List<Published> published() {
    return List.copyOf(published);
  }

  public List<Dead> deadLetters() {
    return List.copyOf(dead);
  }

  public int acknowledgements() {
    return acknowledgements;
  }

  public void clear() {
    published.clear();
    dead.clear();
  }
}
