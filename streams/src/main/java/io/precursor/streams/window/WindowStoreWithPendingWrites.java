package io.precursor.streams.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.MeteredStateStore;
import org.apache.kafka.streams.state.internals.WindowStoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A window store that holds what is put into it until its task commits, and then writes each window
 * that changed (key and start) once, with the value last put.
 *
 * <p>Why: the pane store is put to on every signal, and Kafka Streams' store serializes the whole
 * value at every put (its cache holds bytes), though only the last value of a commit reaches
 * RocksDB and the changelog. Holding the values instead serializes each changed pane once.
 *
 * <p>How it stays exactly-once: it is the outermost store, the one its task registers (it passes
 * itself as root to the store it wraps), and a Kafka Streams 4.3 task preparing a commit calls
 * {@link #flushCache()} on every registered store, then flushes its record collector, then commits
 * the transaction (or the offsets). So the held values are written, and sent to the changelog,
 * inside the transaction that commits the input they came from. ({@link #commit(Map)}, once {@code
 * flush()}, comes only after the transaction and, under exactly-once, not at every commit.) A task
 * closed without a commit drops what it held: its transaction is aborted and its store restored
 * from the changelog, as for anything else the task changed.
 *
 * <p>It holds the value put, not a copy: one changed after its put is written as it is then. The
 * assembler puts a pane after every change to it, and {@link InstanceWindow#add} refuses a signal
 * it would fail on before changing anything, so a signal set aside leaves no half-change here.
 *
 * <p>Reads see what is held: a read first writes what it could see (that key's windows, or all) to
 * the store it wraps. Only the task's own thread may use it; interactive queries through {@code
 * query} see the windows as of the last commit.
 */
final class WindowStoreWithPendingWrites<K, V>
    extends WrappedStateStore<WindowStore<K, V>, Windowed<K>, V>
    implements WindowStore<K, V>, MeteredStateStore {

  /** Values put since the last commit, by key and window start. */
  private final Map<K, TreeMap<Long, V>> pending = new HashMap<>();

  WindowStoreWithPendingWrites(WindowStore<K, V> store) {
    super(store);
  }

  /**
   * Builds Kafka Streams' own window store (caching and logging as configured on the builder)
   * inside one of these. A {@link WindowStoreBuilder} still, so Kafka Streams knows the store is
   * windowed and keeps its changelog compacted and deleted past the retention.
   */
  static <K, V> StoreBuilder<WindowStore<K, V>> builder(
      WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    return new Builder<>(supplier, keySerde, valueSerde);
  }

  private static final class Builder<K, V> extends WindowStoreBuilder<K, V> {
    Builder(WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
      super(supplier, keySerde, valueSerde, Time.SYSTEM);
    }

    @Override
    public WindowStore<K, V> build() {
      return new WindowStoreWithPendingWrites<>(super.build());
    }
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    pending.clear();
    super.init(context, root);
  }

  @Override
  public void put(K key, V value, long windowStartTimestamp) {
    Objects.requireNonNull(key, "key cannot be null");
    if (!isOpen()) {
      throw new InvalidStateStoreException("Store " + name() + " is currently closed.");
    }
    pending.computeIfAbsent(key, k -> new TreeMap<>()).put(windowStartTimestamp, value);
  }

  /** Writes what is held, before the store it wraps flushes its cache for the commit. */
  @Override
  public void flushCache() {
    writeAll();
    super.flushCache();
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    writeAll(); // nothing is held here when a commit flushed the cache first, as a task's does
    super.commit(changelogOffsets);
  }

  @Override
  public void clearCache() {
    pending.clear();
    super.clearCache();
  }

  /** Drops what is held: closed without a commit, the task's changes are not kept. */
  @Override
  public void close() {
    pending.clear();
    super.close();
  }

  @Override
  public void recordRestoreTime(long restoreTimeNs) {
    // Kafka Streams reports a restore's time only to the registered store, which this is.
    if (wrapped() instanceof MeteredStateStore) {
      ((MeteredStateStore) wrapped()).recordRestoreTime(restoreTimeNs);
    }
  }

  @Override
  public V fetch(K key, long time) {
    write(key);
    return wrapped().fetch(key, time);
  }

  @Override
  public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
    write(key);
    return wrapped().fetch(key, timeFrom, timeTo);
  }

  @Override
  public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
    write(key);
    return wrapped().backwardFetch(key, timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
    writeAll();
    return wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(
      K keyFrom, K keyTo, long timeFrom, long timeTo) {
    writeAll();
    return wrapped().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
    writeAll();
    return wrapped().fetchAll(timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
    writeAll();
    return wrapped().backwardFetchAll(timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> all() {
    writeAll();
    return wrapped().all();
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardAll() {
    writeAll();
    return wrapped().backwardAll();
  }

  /** Writes the key's held windows, oldest first. */
  private void write(K key) {
    TreeMap<Long, V> windows = pending.get(key);
    if (windows == null) {
      return;
    }
    windows.forEach((start, value) -> wrapped().put(key, value, start));
    pending.remove(key); // only once written: a failed write leaves it held, to be written again
  }

  /**
   * Writes every held window, oldest first whatever its key: a window store drops a put older than
   * its retention behind the latest window put, so no write may run ahead of an older one.
   */
  private void writeAll() {
    if (pending.isEmpty()) {
      return;
    }
    List<HeldWindow<K, V>> held = new ArrayList<>();
    pending.forEach(
        (key, windows) ->
            windows.forEach((start, value) -> held.add(new HeldWindow<>(key, start, value))));
    held.sort(Comparator.comparingLong(HeldWindow::start));
    for (HeldWindow<K, V> window : held) {
      wrapped().put(window.key(), window.value(), window.start());
    }
    pending.clear(); // only once all are written, as in write(key)
  }

  private record HeldWindow<K, V>(K key, long start, V value) {}
}
