package io.precursor.streams.window;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One String object per metric or cluster name, as {@link String#intern()} would give without its
 * native table: each datapoint's name is looked up in its pane and ten windows, and its cluster
 * compared with theirs, and two references to the same object compare without reading a character.
 * Bounded, as names come from input: past {@value #MAX_NAMES}, a new name is used as it is.
 */
final class CanonicalNames {

  static final int MAX_NAMES = 10_000;

  private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();

  private CanonicalNames() {}

  /** The one object equal to {@code name}; null for null. */
  static String of(String name) {
    if (name == null) {
      return null;
    }
    String known = NAMES.get(name);
    if (known != null) {
      return known;
    }
    if (NAMES.size() >= MAX_NAMES) {
      return name;
    }
    known = NAMES.putIfAbsent(name, name);
    return known != null ? known : name;
  }
}
