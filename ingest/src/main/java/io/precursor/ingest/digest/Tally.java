package io.precursor.ingest.digest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many times each name was seen (databases of a class, reasons entries were unreadable), with a
 * cap on distinct names so a pathological log cannot grow it without bound.
 */
final class Tally {

  /** Where names past the cap are counted. */
  static final String OTHERS = "(others)";

  private final int maxNames;
  private final Map<String, Long> counts = new HashMap<>();

  Tally(int maxNames) {
    this.maxNames = maxNames;
  }

  void add(String name) {
    String key = counts.containsKey(name) || counts.size() < maxNames ? name : OTHERS;
    counts.merge(key, 1L, Long::sum);
  }

  /** The counts, most frequent first, ties by name. */
  Map<String, Long> mostFrequentFirst() {
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }
}
