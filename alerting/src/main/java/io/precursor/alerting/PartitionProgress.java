package io.precursor.alerting;

import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * How far one assigned partition's records are done: each record handed to the senders holds the
 * commit back until every one of its actions is audited, so the offset to commit is the lowest
 * record still waiting (or the one after the last record taken, when none waits). Shared by the
 * consumer thread and the senders.
 */
final class PartitionProgress {

  private final TopicPartition partition;
  // Records with actions not yet audited (or a snapshot put off), and how many.
  private final TreeMap<Long, Integer> waiting = new TreeMap<>();
  private long next = -1;
  private volatile boolean revoked;

  PartitionProgress(TopicPartition partition) {
    this.partition = partition;
  }

  TopicPartition partition() {
    return partition;
  }

  /** Notes the record at {@code offset} taken, with {@code actions} still to be audited. */
  synchronized void taken(long offset, int actions) {
    if (actions < 0) {
      throw new IllegalArgumentException("actions must not be negative");
    }
    if (actions > 0) {
      waiting.merge(offset, actions, Integer::sum);
    }
    next = Math.max(next, offset + 1);
  }

  /** Notes one action of the record at {@code offset} audited (or settled for good). */
  synchronized void settled(long offset) {
    Integer left = waiting.get(offset);
    if (left == null) {
      throw new IllegalStateException("no action waits on " + partition + "@" + offset);
    }
    if (left == 1) {
      waiting.remove(offset);
    } else {
      waiting.put(offset, left - 1);
    }
  }

  /** The offset to commit: every record before it is done; -1 before the first record. */
  synchronized long committable() {
    return waiting.isEmpty() ? next : waiting.firstKey();
  }

  /** Whether the partition was taken away: its queued alerts are dropped, not posted. */
  boolean revoked() {
    return revoked;
  }

  void revoke() {
    revoked = true;
  }
}
