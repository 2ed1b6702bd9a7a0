package io.precursor.streams.baseline;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Levels already worked out, by series and the buckets they were worked out over: the windows one
 * signal updates start a minute apart, so they mostly read the same buckets of the same series.
 * Only for readers that leave out the same periods (one instance's lifecycle as of one signal).
 */
public final class KnownLevels {

  private final Map<LevelOver, Optional<Level>> levels = new HashMap<>();

  /** A series' level over the buckets that start within {@code [first, last]}. */
  private record LevelOver(String series, long first, long last) {}

  Optional<Level> get(String series, long first, long last, Supplier<Optional<Level>> level) {
    return levels.computeIfAbsent(new LevelOver(series, first, last), k -> level.get());
  }
}
