package io.precursor.streams.baseline;

import java.util.Optional;

/** What is normal for one DB instance, as rules ask it: "far above this instance's normal". */
public interface Baselines {

  /** The instance's normal for a CloudWatch metric, when enough history was seen. */
  Optional<Level> metric(String name);

  /** The normal rows examined by one execution of a fingerprint on this instance. */
  Optional<Level> rowsExaminedPerExecution(long fingerprintHash);

  /** No history at all: a new instance, or one whose role just changed. */
  static Baselines none() {
    return new Baselines() {
      @Override
      public Optional<Level> metric(String name) {
        return Optional.empty();
      }

      @Override
      public Optional<Level> rowsExaminedPerExecution(long fingerprintHash) {
        return Optional.empty();
      }
    };
  }
}
