package io.precursor.streams.precursor;

import io.precursor.streams.window.InstanceSignal;
import io.precursor.streams.window.MetricBits;
import io.precursor.streams.window.RecentlyUsed;
import io.precursor.streams.window.WindowReads;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each rule's last finding on each window of the most recently active instances, with what the rule
 * read to reach it. A rule is a function of what it reads, so while no signal since touched any of
 * that (most signals are one datapoint of one metric, which most rules never look at), the
 * remembered finding is the one evaluating the rule again would give.
 *
 * <p>Held in memory only: started afresh whenever the processor is (re)initialized, so nothing
 * outlives a restored store. Kept compact (a window's findings in a few arrays, what was read as
 * bits) because checking them is done for every rule on every window a signal updates.
 */
final class RememberedFindings {

  private final Map<String, InstanceFindings> instances;
  private final MetricBits bits;
  private final int rules;

  /**
   * @param maxInstances instances remembered, the most recently active; 0 remembers nothing
   * @param bits the metrics' bits {@link WindowReads} note reads in
   * @param rules rules per window
   */
  RememberedFindings(int maxInstances, MetricBits bits, int rules) {
    this.bits = bits;
    this.rules = rules;
    this.instances = RecentlyUsed.map(maxInstances);
  }

  /**
   * The instance's findings once {@code signal} is counted: a lifecycle signal (a failover, a
   * restart) moves the baselines every rule compares with, and so counts as changing everything.
   */
  InstanceFindings after(String instance, InstanceSignal signal) {
    InstanceFindings findings = instances.computeIfAbsent(instance, i -> new InstanceFindings());
    findings.count(signal);
    return findings;
  }

  /** One instance: when each kind of input last changed, counted in signals, and the findings. */
  final class InstanceFindings {

    private final TreeMap<Long, WindowFindings> windows = new TreeMap<>();
    private final long[] metricChanged = new long[64];
    private long signals;
    private long slowQueriesChanged;
    private long errorLogChanged;
    private long otherChanged;

    private void count(InstanceSignal signal) {
      signals++;
      if (signal.metric() != null && signal.slowQuery() == null && signal.errorLog() == null) {
        metricChanged[bits.indexOf(signal.metric().name())] = signals;
      } else if (signal.slowQuery() != null && signal.errorLog() == null) {
        slowQueriesChanged = signals;
      } else if (signal.errorLog() != null && signal.slowQuery() == null) {
        errorLogChanged = signals;
      } else {
        otherChanged = signals;
      }
    }

    /** The window's findings so far; updated in place by {@link WindowFindings#remember}. */
    WindowFindings window(long start) {
      return windows.computeIfAbsent(start, s -> new WindowFindings(rules));
    }

    /** Windows that began before {@code start} will take no more signals. */
    void forgetWindowsBefore(long start) {
      if (!windows.isEmpty() && windows.firstKey() < start) {
        windows.headMap(start).clear();
      }
    }

    /** Whether nothing read at {@code at} has changed since. */
    private boolean unchangedSince(long at, long metrics, int flags) {
      if (otherChanged > at
          || ((flags & WindowReads.EVERYTHING) != 0 && signals > at)
          || ((flags & WindowReads.SLOW_QUERIES) != 0 && slowQueriesChanged > at)
          || ((flags & WindowReads.ERROR_LOG) != 0 && errorLogChanged > at)) {
        return false;
      }
      for (long m = metrics; m != 0; m &= m - 1) {
        if (metricChanged[Long.numberOfTrailingZeros(m)] > at) {
          return false;
        }
      }
      return true;
    }

    /** Each rule's last finding on one window, what it read for it and when. */
    final class WindowFindings {

      private final Optional<?>[] findings;
      private final long[] evaluatedAt;
      private final long[] metricsRead;
      private final int[] flagsRead;

      private WindowFindings(int rules) {
        findings = new Optional<?>[rules];
        evaluatedAt = new long[rules];
        metricsRead = new long[rules];
        flagsRead = new int[rules];
      }

      /** The rule's finding, if it is still what evaluating it again would give; else null. */
      @SuppressWarnings("unchecked")
      Optional<Finding> remembered(int rule) {
        Optional<?> finding = findings[rule];
        if (finding == null
            || !unchangedSince(evaluatedAt[rule], metricsRead[rule], flagsRead[rule])) {
          return null;
        }
        return (Optional<Finding>) finding;
      }

      void remember(int rule, Optional<Finding> finding, WindowReads reads) {
        findings[rule] = finding;
        evaluatedAt[rule] = signals;
        metricsRead[rule] = reads.metrics();
        flagsRead[rule] = reads.flags();
      }
    }
  }
}
