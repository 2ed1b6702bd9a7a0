package io.precursor.scenarios.slowlog;

import io.precursor.scenarios.logs.LazyIterator;
import io.precursor.scenarios.logs.LogEvent;
import io.precursor.scenarios.logs.LogSource;
import io.precursor.scenarios.logs.LogStream;
import io.precursor.scenarios.logs.TimeOrderedMerge;
import io.precursor.scenarios.shape.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * One instance's slow query log in CloudWatch Logs: the statements of all its workloads that ran
 * longer than {@code long_query_time}, one log event per entry.
 */
public final class SlowLogSource implements LogSource {

  /** Aurora's usual setting, and the one AWS's own examples use. */
  public static final double DEFAULT_LONG_QUERY_TIME = 1.0;

  private final LogStream stream;
  private final List<SlowQueryWorkload> workloads;
  private final long seed;
  private final double longQueryTime;

  public SlowLogSource(
      LogStream stream, List<SlowQueryWorkload> workloads, long seed, double longQueryTime) {
    this.stream = stream;
    this.workloads = List.copyOf(workloads);
    this.seed = seed;
    this.longQueryTime = longQueryTime;
  }

  @Override
  public LogStream stream() {
    return stream;
  }

  /** The entries in the order MySQL writes them, before they become log events. */
  public Iterator<SlowQuery> entries() {
    List<Iterator<SlowQuery>> inputs = new ArrayList<>();
    for (int i = 0; i < workloads.size(); i++) {
      inputs.add(workloads.get(i).queries(Seeds.derive(seed, stream.logStream() + "#" + i)));
    }
    Iterator<SlowQuery> all =
        new TimeOrderedMerge<>(inputs, Comparator.comparing(SlowQuery::loggedAt));
    return new LazyIterator<>() {
      @Override
      protected SlowQuery computeNext() {
        while (all.hasNext()) {
          SlowQuery query = all.next();
          if (query.queryTime() > longQueryTime) {
            return query;
          }
        }
        return null;
      }
    };
  }

  @Override
  public Iterator<LogEvent> events() {
    Iterator<SlowQuery> entries = entries();
    return new LazyIterator<>() {
      private String database;

      @Override
      protected LogEvent computeNext() {
        if (!entries.hasNext()) {
          return null;
        }
        SlowQuery query = entries.next();
        boolean changesDatabase = !query.database().equals(database);
        database = query.database();
        return new LogEvent(
            SlowLogFormat.millis(query.loggedAt()), SlowLogFormat.entry(query, changesDatabase));
      }
    };
  }
}
