package io.precursor.streams.window;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything seen on one DB instance within one window: slow-query activity by table and by
 * fingerprint, joined with the metric datapoints of the same span. The window store keeps it per
 * pane (the span windows advance by), and a window is merged from its panes, or read through them
 * ({@link #over}).
 */
public final class InstanceWindow {

  /** Fingerprints kept per window; beyond it the rarest go, so state stays bounded. */
  static final int MAX_FINGERPRINTS = 200;

  private static final MetricPoints NO_POINTS = new MetricPoints(1);

  private String cluster;
  private long lastEventTime;
  private final TreeMap<String, TableActivity> tables;
  private final HashMap<Long, FingerprintActivity> fingerprints;
  // By name in a hash map: every metric datapoint looks its series up in eleven windows and panes.
  private final HashMap<String, MetricPoints> metrics;
  private final TreeMap<String, Long> errorLogEntries;
  private final TreeMap<String, Long> deadlockTables;
  // For a window read through its panes: where its metrics are (above, only those read so far).
  private final NavigableMap<Long, InstanceWindow> panes;
  private WindowReads reads;

  public InstanceWindow() {
    this(null);
  }

  /** Empty; read through {@code panes} for its metrics unless null (see {@link #over}). */
  private InstanceWindow(NavigableMap<Long, InstanceWindow> panes) {
    this(
        null,
        0,
        new TreeMap<>(),
        new HashMap<>(),
        new HashMap<>(),
        new TreeMap<>(),
        new TreeMap<>(),
        panes);
  }

  /**
   * As read back from the window store, which holds panes: {@code panes} is null, as a pane holds
   * its metrics itself.
   */
  InstanceWindow(
      String cluster,
      long lastEventTime,
      TreeMap<String, TableActivity> tables,
      HashMap<Long, FingerprintActivity> fingerprints,
      HashMap<String, MetricPoints> metrics,
      TreeMap<String, Long> errorLogEntries,
      TreeMap<String, Long> deadlockTables,
      NavigableMap<Long, InstanceWindow> panes) {
    this.panes = panes;
    this.cluster = cluster;
    this.lastEventTime = lastEventTime;
    this.tables = tables;
    this.fingerprints = fingerprints;
    this.metrics = metrics;
    this.errorLogEntries = errorLogEntries;
    this.deadlockTables = deadlockTables;
  }

  /** Adds one signal; returns this window, as Kafka Streams' aggregator expects. */
  public InstanceWindow add(InstanceSignal signal) {
    requireAddable(signal);
    if (signal.cluster() != null) {
      cluster = signal.cluster();
    }
    lastEventTime = Math.max(lastEventTime, signal.time());
    if (signal.slowQuery() != null) {
      addSlowQuery(signal.slowQuery());
    } else if (signal.errorLog() != null) {
      addErrorLog(signal.errorLog());
    } else if (signal.metric() != null) {
      // Keyed by time, so a redelivered or revised datapoint replaces rather than doubles.
      MetricPoints points = metrics.get(signal.metric().name());
      if (points == null && panes == null) {
        points = new MetricPoints();
        metrics.put(signal.metric().name(), points);
      }
      // Read through panes, a series not read yet is read from them, the signal's one included.
      if (points != null) {
        points.put(signal.metric().time(), signal.metric().value());
      }
    }
    return this;
  }

  /**
   * Throws, before anything here changes, for a signal that adding would fail on part way. The pane
   * store holds a changed pane itself until the commit, so half a signal must never be added: a
   * signal the dead-letter handler sets aside leaves the pane as it was.
   */
  private static void requireAddable(InstanceSignal signal) {
    InstanceSignal.SlowQuery query = signal.slowQuery();
    if (query != null) {
      Objects.requireNonNull(query.kind(), "slow query without a statement kind");
      requireNoNull(query.tables(), "slow query without its tables");
    } else if (signal.errorLog() != null) {
      Objects.requireNonNull(signal.errorLog().kind(), "error log entry without a kind");
      requireNoNull(signal.errorLog().tables(), "error log entry without its tables");
    } else if (signal.metric() != null) {
      Objects.requireNonNull(signal.metric().name(), "metric datapoint without a name");
    }
  }

  private static void requireNoNull(List<String> names, String what) {
    Objects.requireNonNull(names, what);
    for (String name : names) {
      Objects.requireNonNull(name, what);
    }
  }

  /**
   * Whether adding {@code signal} keeps everything already here: no fingerprint (the rarest past
   * {@value #MAX_FINGERPRINTS}) is dropped to make room. (Run intervals past a fingerprint's cap
   * are dropped too, but the longest are kept whatever the order, as merging the panes keeps them.)
   */
  boolean takesWithoutDropping(InstanceSignal signal) {
    InstanceSignal.SlowQuery query = signal.slowQuery();
    if (query == null) {
      return true;
    }
    // The run intervals a fingerprint keeps do not depend on order (FingerprintActivity).
    return fingerprints.containsKey(query.fingerprintHash())
        || fingerprints.size() < MAX_FINGERPRINTS;
  }

  /**
   * Whether adding {@code signal} to this window, merged from panes, gives what merging the panes
   * again would once the signal is in one of them: so when nothing is dropped, the window holds no
   * datapoint of the same metric and time (the later pane's would win), names no other cluster and
   * knows the signal's fingerprint (if any) as the signal does. Sums and maxima add up alike in
   * either order.
   */
  boolean takesLikeItsPanes(InstanceSignal signal) {
    if (!takesWithoutDropping(signal)) {
      return false;
    }
    if (signal.cluster() != null && cluster != null && !signal.cluster().equals(cluster)) {
      return false;
    }
    InstanceSignal.Metric metric = signal.metric();
    if (metric != null && signal.slowQuery() == null && signal.errorLog() == null) {
      MetricPoints points = metrics.get(metric.name());
      return points == null || !points.containsTime(metric.time());
    }
    InstanceSignal.SlowQuery query = signal.slowQuery();
    if (query != null) {
      FingerprintActivity known = fingerprints.get(query.fingerprintHash());
      return known == null
          || (Objects.equals(known.fingerprint(), query.fingerprint())
              && Objects.equals(known.kind(), query.kind())
              && Objects.equals(known.tables(), query.tables()));
    }
    return true;
  }

  private void addSlowQuery(InstanceSignal.SlowQuery query) {
    for (String table : query.tables()) {
      tables.computeIfAbsent(table, t -> new TableActivity()).add(query);
    }
    fingerprints
        .computeIfAbsent(query.fingerprintHash(), h -> new FingerprintActivity(query))
        .add(query);
    keepBusiestFingerprints();
  }

  private void keepBusiestFingerprints() {
    while (fingerprints.size() > MAX_FINGERPRINTS) {
      fingerprints.values().stream()
          .min(Comparator.comparingLong(FingerprintActivity::count))
          .ifPresent(rarest -> fingerprints.remove(rarest.fingerprintHash()));
    }
  }

  /**
   * The window made of consecutive panes (shorter windows of the same instance), in time order: the
   * same contents as if every signal of every pane had been added to one window, except that past
   * {@value #MAX_FINGERPRINTS} fingerprints the rarest over the whole window go. The panes are left
   * as they were.
   */
  public static InstanceWindow merged(Iterable<InstanceWindow> panes) {
    InstanceWindow window = new InstanceWindow();
    for (InstanceWindow pane : panes) {
      window.absorb(pane);
    }
    window.keepBusiestFingerprints();
    return window;
  }

  /**
   * The window made of {@code panes} (a live view of consecutive panes, in time order), read
   * through them: as {@link #merged} but for the metrics, which stay in the panes. A metric's
   * series is read from them when first asked for and then kept up to date by {@link #add}, like
   * the rest of the window. Many metrics no rule reads, and a copy of every datapoint in each of
   * the ten windows holding it made most of the memory the windows of a fleet took (and of what the
   * collector copied): a datapoint of a metric no rule reads now changes its pane only.
   */
  public static InstanceWindow over(NavigableMap<Long, InstanceWindow> panes) {
    InstanceWindow window = new InstanceWindow(panes);
    for (InstanceWindow pane : panes.values()) {
      window.absorb(pane);
    }
    window.keepBusiestFingerprints();
    return window;
  }

  private void absorb(InstanceWindow pane) {
    if (pane.cluster != null) {
      cluster = pane.cluster;
    }
    lastEventTime = Math.max(lastEventTime, pane.lastEventTime);
    pane.tables.forEach(
        (table, activity) ->
            tables.computeIfAbsent(table, t -> new TableActivity()).absorb(activity));
    pane.fingerprints.forEach(
        (hash, activity) -> {
          FingerprintActivity mine = fingerprints.get(hash);
          if (mine == null) {
            fingerprints.put(hash, activity.copy());
          } else {
            mine.absorb(activity);
          }
        });
    if (panes == null) {
      pane.metrics.forEach((metric, points) -> absorbPoints(metric, points));
    }
    pane.errorLogEntries.forEach((kind, n) -> errorLogEntries.merge(kind, n, Long::sum));
    pane.deadlockTables.forEach((table, n) -> deadlockTables.merge(table, n, Long::sum));
  }

  private MetricPoints absorbPoints(String metric, MetricPoints points) {
    MetricPoints mine = metrics.get(metric);
    if (mine == null) {
      mine = points.copy();
      metrics.put(metric, mine);
    } else {
      mine.putAll(points); // the later pane's datapoint wins, as for a signal added later
    }
    return mine;
  }

  private void addErrorLog(InstanceSignal.ErrorLog entry) {
    errorLogEntries.merge(entry.kind(), 1L, Long::sum);
    if (entry.kind().equals("DEADLOCK")) {
      for (String table : entry.tables()) {
        deadlockTables.merge(table, 1L, Long::sum);
      }
    }
  }

  public String cluster() {
    noteEverything();
    return cluster;
  }

  /** Event time of the latest signal in the window: when a rule firing on it fired. */
  public long lastEventTime() {
    noteEverything();
    return lastEventTime;
  }

  public Map<String, TableActivity> tables() {
    noteSlowQueries();
    return tables;
  }

  /** Fingerprints touching {@code table}, busiest first. */
  public List<FingerprintActivity> fingerprintsOn(String table) {
    noteSlowQueries();
    List<FingerprintActivity> on = new ArrayList<>();
    for (FingerprintActivity f : fingerprints.values()) {
      if (f.tables().contains(table)) {
        on.add(f);
      }
    }
    on.sort(
        Comparator.comparingLong(FingerprintActivity::count)
            .reversed()
            .thenComparing(FingerprintActivity::fingerprint));
    return on;
  }

  /** The busiest fingerprints of the window, whatever the table. */
  public List<FingerprintActivity> busiestFingerprints(int n) {
    noteSlowQueries();
    return fingerprints.values().stream()
        .sorted(
            Comparator.comparingLong(FingerprintActivity::count)
                .reversed()
                .thenComparing(FingerprintActivity::fingerprint))
        .limit(n)
        .toList();
  }

  /** Error-log entries of one kind (DEADLOCK, OUT_OF_MEMORY, ...) in the window. */
  public long errorLogEntries(String kind) {
    noteErrorLog();
    return errorLogEntries.getOrDefault(kind, 0L);
  }

  /** Tables the window's deadlock dumps name, with how many dumps named each. */
  public Map<String, Long> deadlockTables() {
    noteErrorLog();
    return deadlockTables;
  }

  /** Every fingerprint of the window, in no particular order. */
  public Collection<FingerprintActivity> fingerprints() {
    noteSlowQueries();
    return fingerprints.values();
  }

  /**
   * Every metric's datapoints by time, for the window store (which holds panes, never read
   * through).
   */
  Map<String, MetricPoints> metrics() {
    return metrics;
  }

  /** Names of the metrics with datapoints in the window, in no particular order. */
  Set<String> metricNames() {
    if (panes == null) {
      return metrics.keySet();
    }
    Set<String> names = new HashSet<>();
    for (InstanceWindow pane : panes.values()) {
      names.addAll(pane.metrics.keySet());
    }
    return names;
  }

  /** Error-log entries by kind, for the window store. */
  Map<String, Long> errorLogEntries() {
    return errorLogEntries;
  }

  public MetricSeries series(String metric) {
    if (reads != null) {
      reads.metric(metric);
    }
    MetricPoints points = metrics.get(metric);
    if (points == null && panes != null) {
      for (InstanceWindow pane : panes.values()) {
        MetricPoints inPane = pane.metrics.get(metric);
        if (inPane != null) {
          points = absorbPoints(metric, inPane);
        }
      }
    }
    return new MetricSeries(metric, points == null ? NO_POINTS : points);
  }

  /**
   * Notes in {@code reads} what is read of this window until {@link #stopNotingReads()}: the
   * window's own accessors report it, so a rule cannot read something unnoted.
   */
  public void noteReadsIn(WindowReads reads) {
    this.reads = reads;
  }

  public void stopNotingReads() {
    this.reads = null;
  }

  private void noteEverything() {
    if (reads != null) {
      reads.everything();
    }
  }

  private void noteSlowQueries() {
    if (reads != null) {
      reads.slowQueries();
    }
  }

  private void noteErrorLog() {
    if (reads != null) {
      reads.errorLog();
    }
  }
}
