package io.precursor.scenarios.slowlog;

import io.precursor.scenarios.logs.LazyIterator;
import io.precursor.scenarios.shape.Keyframes;
import java.time.Instant;
import java.util.Iterator;
import java.util.Random;

/**
 * One connection of a batch job sending statements back to back; a statement still running at
 * {@code until} (the connection died, e.g. in a failover) is never logged.
 */
public final class BatchWorker implements SlowQueryWorkload {

  private final ClientSession session;
  private final String database;
  private final Instant from;
  private final Instant until;
  private final Keyframes slowdown;
  private final BatchStep step;

  /**
   * @param slowdown how much slower than usual statements run over time (1 = usual)
   * @param step the job's statements in order
   */
  public BatchWorker(
      ClientSession session,
      String database,
      Instant from,
      Instant until,
      Keyframes slowdown,
      BatchStep step) {
    this.session = session;
    this.database = database;
    this.from = from;
    this.until = until;
    this.slowdown = slowdown;
    this.step = step;
  }

  @Override
  public Iterator<SlowQuery> queries(long seed) {
    Random random = new Random(seed);
    return new LazyIterator<>() {
      private Instant start = from;
      private int index;

      @Override
      protected SlowQuery computeNext() {
        Statement statement = step.make(index++, random);
        if (statement == null) {
          return null;
        }
        double queryTime = Durations.micros(statement.seconds() * slowdown.at(start));
        Instant end = Durations.plus(start, queryTime);
        if (end.isAfter(until)) {
          return null;
        }
        // The job's own pause between statements: commit, fetch the next chunk.
        start = Durations.plus(end, 0.02 + random.nextDouble() * 0.2);
        return new SlowQuery(
            end,
            session,
            database,
            queryTime,
            Durations.lockTime(random),
            statement.rowsSent(),
            statement.rowsExamined(),
            statement.sql());
      }
    };
  }
}
