package io.precursor.streams.window;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The panes of recently active instances, decoded, read through from and written through to the
 * pane store (which holds what is written until the commit), and the windows last merged from them:
 * the store (with its changelog) stays the only state; this spares decoding the same panes, and
 * merging the same windows, again for every signal. Built empty, so whoever owns it makes a new one
 * when its task is (re)initialized.
 */
final class RecentPanes {

  private final WindowStore<String, InstanceWindow> store;
  private final Map<String, InstancePanes> byInstance;

  /**
   * One instance's panes in memory: every stored pane starting at or after {@code readFrom}; and
   * windows by start, each as merged from the panes it spans and kept up to date with every signal
   * since.
   */
  private static final class InstancePanes {
    final TreeMap<Long, InstanceWindow> panes = new TreeMap<>();
    final TreeMap<Long, InstanceWindow> windows = new TreeMap<>();
    long readFrom = Long.MAX_VALUE;
  }

  RecentPanes(WindowStore<String, InstanceWindow> store, int maxInstances) {
    this.store = store;
    this.byInstance = RecentlyUsed.map(maxInstances);
  }

  /** The instance's panes starting within {@code [from, to]}. */
  NavigableMap<Long, InstanceWindow> span(String instance, long from, long to) {
    InstancePanes known = byInstance.computeIfAbsent(instance, i -> new InstancePanes());
    if (from < known.readFrom) {
      // Up to what is already held; the first time, every later pane the store has.
      long readTo = known.readFrom == Long.MAX_VALUE ? Long.MAX_VALUE : known.readFrom - 1;
      try (WindowStoreIterator<InstanceWindow> stored = store.fetch(instance, from, readTo)) {
        while (stored.hasNext()) {
          KeyValue<Long, InstanceWindow> pane = stored.next();
          known.panes.putIfAbsent(pane.key, pane.value);
        }
      }
      known.readFrom = from;
    }
    return known.panes.subMap(from, true, to, true);
  }

  /** Stores {@code pane} and holds it. */
  void put(String instance, long paneStart, InstanceWindow pane) {
    store.put(instance, pane, paneStart);
    InstancePanes known = byInstance.get(instance);
    if (known != null && paneStart >= known.readFrom) {
      known.panes.put(paneStart, pane);
    }
  }

  /**
   * The window starting at {@code start} as last held, with every signal added since it was merged;
   * null when not held.
   */
  InstanceWindow window(String instance, long start) {
    InstancePanes known = byInstance.get(instance);
    return known == null ? null : known.windows.get(start);
  }

  /** Holds {@code window}, merged from the instance's panes as they are now. */
  void holdWindow(String instance, long start, InstanceWindow window) {
    InstancePanes known = byInstance.get(instance);
    if (known != null) {
      known.windows.put(start, window);
    }
  }

  /** Stops holding the instance's panes, and windows, that start before {@code time}. */
  void forgetBefore(String instance, long time) {
    InstancePanes known = byInstance.get(instance);
    if (known != null) {
      known.panes.headMap(time).clear();
      known.windows.headMap(time).clear();
      known.readFrom = Math.max(known.readFrom, time);
    }
  }

  /** Stops holding anything of the instance, so it is read from the store again. */
  void forget(String instance) {
    byInstance.remove(instance);
  }
}
