package io.precursor.streams.precursor;

import io.precursor.streams.baseline.Baselines;
import io.precursor.streams.baseline.Level;
import io.precursor.streams.window.WindowReads;
import java.util.Optional;

/** Baselines that note in {@link WindowReads} which of them a rule read. */
final class NotedBaselines implements Baselines {

  private final Baselines baselines;
  private final WindowReads reads;

  NotedBaselines(Baselines baselines, WindowReads reads) {
    this.baselines = baselines;
    this.reads = reads;
  }

  @Override
  public Optional<Level> metric(String name) {
    reads.metric(name);
    return baselines.metric(name);
  }

  @Override
  public Optional<Level> rowsExaminedPerExecution(long fingerprintHash) {
    reads.slowQueries();
    return baselines.rowsExaminedPerExecution(fingerprintHash);
  }
}
