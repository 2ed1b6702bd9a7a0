package io.precursor.topics;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its keys and values, so producers, consumers and Streams never
 * disagree about what a topic carries.
 *
 * @param name the full topic name, prefix included
 * @param keySerde serde of the record keys
 * @param valueSerde serde of the record values
 * @param partitions partitions to create the topic with
 * @param configs topic-level configs to create it with (e.g. {@code cleanup.policy=compact})
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    Map<String, String> configs) {

  public Topic {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
    configs = Map.copyOf(configs);
  }

  /** The same topic, created with {@code extra} on top of its configs. */
  public Topic<K, V> withConfigs(Map<String, String> extra) {
    Map<String, String> merged = new HashMap<>(configs);
    merged.putAll(extra);
    return new Topic<>(name, keySerde, valueSerde, partitions, merged);
  }

  /** Whether the topic keeps only the latest record per key. */
  public boolean compacted() {
    return "compact".equals(configs.get("cleanup.policy"));
  }
}
