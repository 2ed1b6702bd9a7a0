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

  /**
   * A series over the buckets that start within {@code [first, last]}: a metric's by its name, or
   * (name null) a fingerprint's rows examined by its hash. Not by the store's key, which would be
   * built for every look-up: a slow query has every rule that reads slow queries look up each
   * fingerprint of each of ten windows.
   */
  private record LevelOver(String metric, long fingerprintHash, long first, long last) {}

  /** A metric's level over the buckets that start within {@code [first, last]}. */
  Optional<Level> metric(String name, long first, long last, Supplier<Optional<Level>> level) {
    return levels.computeIfAbsent(new LevelOver(name, 0, first, last), k -> level.get());
  }

  /**
   * A fingerprint's rows-examined level over the buckets that start within {@code [first, last]}.
   */
  Optional<Level> rowsExaminedPerExecution(
      long fingerprintHash, long first, long last, Supplier<Optional<Level>> level) {
    return levels.computeIfAbsent(
        new LevelOver(null, fingerprintHash, first, last), k -> level.get());
  }
}
