package io.precursor.alerting;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the consumer group has assigned this instance, readable from any thread (the consumer
 * itself is not), and the hand-over of partitions to the service; an instance with no partitions of
 * its own (more replicas than partitions) is assigned too, since it takes part in the group.
 */
final class PartitionAssignment implements ConsumerRebalanceListener {

  /** What the service does when partitions come and go, on the consumer thread. */
  interface Handover {
    void assigned(Collection<TopicPartition> partitions);

    /**
     * Gives up {@code partitions}; {@code commit} is false when they were lost and another member
     * may own them already.
     */
    void released(Collection<TopicPartition> partitions, boolean commit);
  }

  private final AtomicBoolean assigned = new AtomicBoolean();
  private final Handover handover;

  PartitionAssignment(Handover handover) {
    this.handover = handover;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    handover.assigned(partitions);
    assigned.set(true);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    // The next assignment follows at once in an ordinary rebalance.
    handover.released(partitions, true);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    assigned.set(false);
    handover.released(partitions, false);
  }

  boolean assigned() {
    return assigned.get();
  }
}
