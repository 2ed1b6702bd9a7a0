package io.precursor.streams.window;

import io.precursor.streams.state.StoreWithPendingWrites;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.WindowStoreBuilder;

/**
 * A window store that holds what is put into it until its task commits, and then writes each window
 * that changed (key and start) once, with the value last put; exactly-once as {@link
 * StoreWithPendingWrites} tells.
 *
 * <p>Why: the pane store is put to on every signal, and Kafka Streams' store serializes the whole
 * value at every put (its cache holds bytes), though only the last value of a commit reaches
 * RocksDB and the changelog. Holding the values instead serializes each changed pane once.
 *
 * <p>It holds the value put, not a copy: one changed after its put is written as it is then. The
 * assembler puts a pane after every change to it, and {@link InstanceWindow#add} refuses a signal
 * it would fail on before changing anything, so a signal set aside leaves no half-change here.
 *
 * <p>Reads see what is held: a read first writes what it could see (that key's windows, or all) to
 * the store it wraps.
 */
final class WindowStoreWithPendingWrites<K, V>
    extends StoreWithPendingWrites<WindowStore<K, V>, Windowed<K>, V> implements WindowStore<K, V> {

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
  public void put(K key, V value, long windowStartTimestamp) {
    Objects.requireNonNull(key, "key cannot be null");
    if (!isOpen()) {
      throw new InvalidStateStoreException("Store " + name() + " is currently closed.");
    }
    pending.computeIfAbsent(key, k -> new TreeMap<>()).put(windowStartTimestamp, value);
  }

  @Override
  protected void forgetHeld() {
    pending.clear();
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
  @Override
  protected void writeAll() {
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
