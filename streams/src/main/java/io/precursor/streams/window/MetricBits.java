package io.precursor.streams.window;

import java.util.HashMap;
import java.util.Map;

/**
 * One bit of a {@code long} per metric name, so a set of metrics is one number: the first 63 names
 * seen each get their own, every later name shares the last (which then stands for all of them).
 */
public final class MetricBits {

  private static final int OWN_BITS = 63;

  private final Map<String, Integer> index = new HashMap<>();

  /** The bit's position, 0 to 63. */
  public int indexOf(String metric) {
    Integer known = index.get(metric);
    if (known != null) {
      return known;
    }
    int next = index.size() < OWN_BITS ? index.size() : OWN_BITS;
    index.put(metric, next);
    return next;
  }
}
