package io.precursor.ingest;

import io.precursor.topics.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Holds what a batch of exported files yielded and hands it on in event-time order, so the streams
 * stage sees slow queries, datapoints and events interleaved as they happened rather than file by
 * file (which would make whole files arrive later than the windows' grace).
 */
final class TimeOrderedBuffer implements IngestSink {

  private record Held<V>(Topic<String, V> topic, String key, V value, Instant time, long order) {
    void publishTo(IngestSink sink) {
      sink.publish(topic, key, value, time);
    }
  }

  private final IngestSink target;
  private final List<Held<?>> held = new ArrayList<>();

  TimeOrderedBuffer(IngestSink target) {
    this.target = target;
  }

  @Override
  public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
    held.add(new Held<>(topic, key, value, eventTime, held.size()));
  }

  @Override
  public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
    target.deadLetter(source, reason, error, raw);
  }

  /** Hands everything held to the target, earliest first (ties in arrival order). */
  void flush() {
    held.sort(Comparator.comparing((Held<?> h) -> h.time()).thenComparingLong(Held::order));
    for (Held<?> h : held) {
      h.publishTo(target);
    }
    held.clear();
  }

  int size() {
    return held.size();
  }
}
