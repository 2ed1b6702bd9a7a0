package io.precursor.streams.window;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps that hold the most recently used entries only: per-instance state kept in memory. */
public final class RecentlyUsed {

  private RecentlyUsed() {}

  /** A map in access order that drops its least recently used entry past {@code capacity}. */
  public static <K, V> Map<K, V> map(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
