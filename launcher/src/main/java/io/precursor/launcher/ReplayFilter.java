package io.precursor.launcher;

import io.precursor.ingest.IngestSink;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.topics.Topic;
import java.time.Instant;

/**
 * Keeps only what a replay asked for: records within the time window and of the chosen cluster or
 * instance; dead letters always pass, so nothing unreadable goes unreported.
 */
record ReplayFilter(Instant from, Instant to, String cluster, String instance) {

  IngestSink wrap(IngestSink target) {
    return new IngestSink() {
      @Override
      public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
        if (accepts(value, eventTime)) {
          target.publish(topic, key, value, eventTime);
        }
      }

      @Override
      public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
        target.deadLetter(source, reason, error, raw);
      }
    };
  }

  boolean accepts(Object value, Instant time) {
    if ((from != null && time.isBefore(from)) || (to != null && !time.isBefore(to))) {
      return false;
    }
    if (value instanceof SlowQueryEntry e) {
      return matches(e.getCluster(), e.getInstance());
    }
    if (value instanceof ErrorLogEntry e) {
      return matches(e.getCluster(), e.getInstance());
    }
    if (value instanceof MetricSample m) {
      return matches(m.getCluster(), m.getInstance());
    }
    if (value instanceof DbEvent e) {
      return matches(
          e.getCluster() != null ? e.getCluster() : e.getSourceId(),
          e.getInstance() != null ? e.getInstance() : e.getSourceId());
    }
    return true;
  }

  private boolean matches(String recordCluster, String recordInstance) {
    if (cluster != null && !cluster.equals(recordCluster) && !cluster.equals(recordInstance)) {
      return false;
    }
    // Cluster-wide records (failovers, cluster metrics) concern every instance of the cluster.
    return instance == null
        || instance.equals(recordInstance)
        || recordInstance == null
        || recordInstance.equals(recordCluster);
  }
}
