package io.precursor.streams.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * What the baselines of one instance must leave out: the periods around failovers and restarts (an
 * incident is not normal), and everything before the instance's last role change.
 *
 * @param role WRITER or READER when an event said so, else null
 * @param since baselines start from this time (the last role change), 0 when never reset
 * @param excluded periods {@code [from, to)} whose data do not count; {@code to} is Long.MAX_VALUE
 *     while a failover is under way
 */
public record InstanceLifecycle(String role, long since, List<long[]> excluded) {

  public static InstanceLifecycle fresh() {
    return new InstanceLifecycle(null, 0, List.of());
  }

  /** Whether data at {@code time} may feed the baseline. */
  public boolean counts(long time) {
    if (time < since) {
      return false;
    }
    for (long[] period : excluded) {
      if (time >= period[0] && time < period[1]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Leaves out {@code [from, to)}, merged with an overlapping period; {@code closes} ends a
   * failover still under way at {@code to}.
   */
  InstanceLifecycle exclude(long from, long to, boolean closes, long forgetBefore) {
    List<long[]> periods = new ArrayList<>();
    long start = from;
    long end = to;
    for (long[] period : excluded) {
      if (period[1] < forgetBefore && period[1] != Long.MAX_VALUE) {
        continue;
      }
      if (period[0] <= end && start <= period[1]) {
        start = Math.min(start, period[0]);
        // A failover still under way ends when its completion says so.
        end = period[1] == Long.MAX_VALUE && closes ? to : Math.max(end, period[1]);
      } else {
        periods.add(period);
      }
    }
    periods.add(new long[] {start, end});
    periods.sort((a, b) -> Long.compare(a[0], b[0]));
    return new InstanceLifecycle(role, since, List.copyOf(periods));
  }

  InstanceLifecycle inRole(String newRole, long at) {
    return new InstanceLifecycle(newRole, at, excluded);
  }
}
