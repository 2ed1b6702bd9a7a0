package io.precursor.ingest;

import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.topics.Topic;
import java.time.Instant;
import java.util.Map;

/**
 * Passes records on and notes, from the log entries among them, which cluster each instance is in.
 */
final class ClusterLearningSink implements IngestSink {

  private final IngestSink target;
  private final Map<String, String> clusterByInstance;

  ClusterLearningSink(IngestSink target, Map<String, String> clusterByInstance) {
    this.target = target;
    this.clusterByInstance = clusterByInstance;
  }

  @Override
  public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
    if (value instanceof SlowQueryEntry e && e.getCluster() != null) {
      clusterByInstance.putIfAbsent(e.getInstance(), e.getCluster());
    } else if (value instanceof ErrorLogEntry e && e.getCluster() != null) {
      clusterByInstance.putIfAbsent(e.getInstance(), e.getCluster());
    }
    target.publish(topic, key, value, eventTime);
  }

  @Override
  public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
    target.deadLetter(source, reason, error, raw);
  }
}
