package io.precursor.scenarios.slowlog;

import java.util.Iterator;

/** Something that runs statements on one DB instance: background traffic or a batch job. */
public interface SlowQueryWorkload {

  /**
   * The statements it runs, in the order they finish; the same seed always yields the same
   * statements. Fast statements are included: the slow log decides which ones it keeps.
   */
  Iterator<SlowQuery> queries(long seed);
}
