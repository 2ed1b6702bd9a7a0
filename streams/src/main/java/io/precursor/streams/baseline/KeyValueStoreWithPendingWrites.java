package io.precursor.streams.baseline;

import io.precursor.streams.state.StoreWithPendingWrites;
import io.precursor.streams.window.RecentlyUsed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.KeyValueStoreBuilder;

/**
 * A key-value store that holds the values put into it, decoded, until its task commits, and then
 * writes each key that changed once, with the value last put; exactly-once as {@link
 * StoreWithPendingWrites} tells. It may also hold values decoded after the commit, for keys read
 * far more often than they change.
 *
 * <p>Why: every datapoint and slow query changes a baseline's open bucket, and both the baseline
 * keeper and the rules read it again. Kafka Streams' record cache holds bytes, so each of those
 * reads would decode the value and each write encode it; held here, a value changed in this commit
 * is the same object for every reader and is encoded once, at the commit.
 *
 * <p>It holds the value put, not a copy: the baseline keeper puts a series right after changing it.
 * Deletes go through at once (they are rare: a role change). Reads of more than one key first write
 * what is held.
 */
final class KeyValueStoreWithPendingWrites<K, V>
    extends StoreWithPendingWrites<KeyValueStore<K, V>, K, V> implements KeyValueStore<K, V> {

  /** Stands for "no value" among the values read. */
  private static final Object ABSENT = new Object();

  /** Values put since the last commit, by key. */
  private final Map<K, V> pending = new HashMap<>();

  /**
   * Values (or {@link #ABSENT}) read or written before, decoded, the most recently used: for keys
   * read far more often than they change, such as a baseline's series of ended buckets.
   */
  private final Map<K, Object> read;

  KeyValueStoreWithPendingWrites(KeyValueStore<K, V> store, int readsHeld) {
    super(store);
    this.read = readsHeld > 0 ? RecentlyUsed.map(readsHeld) : null;
  }

  /**
   * Builds Kafka Streams' own key-value store (caching and logging as configured on the builder)
   * inside one of these.
   */
  static <K, V> StoreBuilder<KeyValueStore<K, V>> builder(
      KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    return builder(supplier, keySerde, valueSerde, 0);
  }

  /**
   * The same, also holding the values of up to {@code readsHeld} keys decoded after the commit that
   * wrote them, or after they were read: a held value is the store's own until the next put, so it
   * must not be changed without being put back.
   */
  static <K, V> StoreBuilder<KeyValueStore<K, V>> builder(
      KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde, int readsHeld) {
    return new Builder<>(supplier, keySerde, valueSerde, readsHeld);
  }

  private static final class Builder<K, V> extends KeyValueStoreBuilder<K, V> {
    private final int readsHeld;

    Builder(
        KeyValueBytesStoreSupplier supplier,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        int readsHeld) {
      super(supplier, keySerde, valueSerde, Time.SYSTEM);
      this.readsHeld = readsHeld;
    }

    @Override
    public KeyValueStore<K, V> build() {
      return new KeyValueStoreWithPendingWrites<>(super.build(), readsHeld);
    }
  }

  @Override
  @SuppressWarnings("unchecked") // read holds only V and ABSENT
  public V get(K key) {
    V held = pending.get(key);
    if (held != null) {
      return held;
    }
    if (read == null) {
      return wrapped().get(key);
    }
    Object known = read.get(key);
    if (known == null) {
      V stored = wrapped().get(key);
      read.put(key, stored == null ? ABSENT : stored);
      return stored;
    }
    return known == ABSENT ? null : (V) known;
  }

  @Override
  public void put(K key, V value) {
    Objects.requireNonNull(key, "key cannot be null");
    if (!isOpen()) {
      throw new InvalidStateStoreException("Store " + name() + " is currently closed.");
    }
    if (value == null) {
      delete(key);
    } else {
      pending.put(key, value);
    }
  }

  @Override
  public V putIfAbsent(K key, V value) {
    V current = get(key);
    if (current == null) {
      put(key, value);
    }
    return current;
  }

  @Override
  public void putAll(List<KeyValue<K, V>> entries) {
    entries.forEach(entry -> put(entry.key, entry.value));
  }

  @Override
  public V delete(K key) {
    if (read != null) {
      read.put(key, ABSENT);
    }
    V held = pending.remove(key);
    V stored = wrapped().delete(key);
    return held != null ? held : stored;
  }

  /** What a commit did not write is not the store's; after a restore, neither is what was read. */
  @Override
  protected void forgetHeld() {
    pending.clear();
    if (read != null) {
      read.clear();
    }
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    writeAll();
    return wrapped().range(from, to);
  }

  @Override
  public KeyValueIterator<K, V> reverseRange(K from, K to) {
    writeAll();
    return wrapped().reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<K, V> all() {
    writeAll();
    return wrapped().all();
  }

  @Override
  public KeyValueIterator<K, V> reverseAll() {
    writeAll();
    return wrapped().reverseAll();
  }

  @Override
  public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(
      P prefix, PS prefixKeySerializer) {
    writeAll();
    return wrapped().prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    writeAll();
    return wrapped().approximateNumEntries();
  }

  @Override
  protected void writeAll() {
    if (pending.isEmpty()) {
      return;
    }
    for (Map.Entry<K, V> held : pending.entrySet()) {
      wrapped().put(held.getKey(), held.getValue());
    }
    if (read != null) {
      read.putAll(pending);
    }
    pending.clear(); // only once all are written: a failed write leaves them held, to be written
  }
}
