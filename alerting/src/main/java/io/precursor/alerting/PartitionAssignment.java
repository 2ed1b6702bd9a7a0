package io.precursor.alerting;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the consumer group has assigned this instance, readable from any thread (the consumer
 * itself is not); an instance with no partitions of its own (more replicas than partitions) is
 * assigned too, since it takes part in the group.
 */
final class PartitionAssignment implements ConsumerRebalanceListener {

  private final AtomicBoolean assigned = new AtomicBoolean();

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    assigned.set(true);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    // The next assignment follows at once in an ordinary rebalance.
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    assigned.set(false);
  }

  boolean assigned() {
    return assigned.get();
  }
}
