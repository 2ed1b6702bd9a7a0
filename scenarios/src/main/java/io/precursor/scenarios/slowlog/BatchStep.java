package io.precursor.scenarios.slowlog;

import java.util.Random;

/** The statements of a batch job, one after another. */
@FunctionalInterface
public interface BatchStep {

  /** The job's statement number {@code index}, or {@code null} when the job has no more work. */
  Statement make(int index, Random random);
}
