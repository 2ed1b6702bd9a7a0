package io.precursor.streams.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.metrics.StreamsMetricsImpl;
import org.apache.kafka.streams.processor.internals.metrics.TaskMetrics;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Hopping windows of each DB instance's signals, kept as panes: a signal is added to the one pane
 * (the span windows advance by) it falls in, and every window it falls in that is still open is
 * passed on, oldest first, in one record. The same updates a windowed aggregate makes, for one pane
 * changed per signal (and written once per commit) instead of every window. A window is merged from
 * its panes once and then has each later signal added, as long as that gives the same contents as
 * merging again; its metric datapoints it reads through the panes ({@link InstanceWindow#over}).
 */
public final class InstanceWindowAssembler
    implements Processor<String, InstanceSignal, String, WindowUpdates> {

  /** The store of panes, by instance and pane start. */
  public static final String STORE = "instance-window-panes";

  private final TimeWindows windows;
  private final long paneMillis;
  private final int maxCachedInstances;
  private ProcessorContext<String, WindowUpdates> context;
  private RecentPanes recent;
  private Sensor droppedPastGrace;
  private long observedStreamTime;

  /**
   * @param windows the hopping windows
   * @param maxCachedInstances instances whose decoded panes are held in memory, the most recently
   *     active ones
   */
  public InstanceWindowAssembler(TimeWindows windows, int maxCachedInstances) {
    this.windows = windows;
    this.paneMillis = paneMillis(windows);
    this.maxCachedInstances = maxCachedInstances;
  }

  /**
   * The pane store: kept as long as a window holding a pane can still be updated. A pane changes
   * with every signal, so the store holds the changed panes until the task commits and then writes
   * (serializes, to memory and the changelog) each once, not once per signal.
   *
   * <p>In memory, restored from its changelog: a persistent window store keeps each segment of time
   * in a RocksDB database of its own, and with segments of half the retention (minutes) the stream
   * thread spent about 40% of its time opening new ones and deleting expired ones. The panes of the
   * retention (window size plus grace) are small: a few KiB per pane, per instance. No record
   * cache: the held panes already reach the store once per commit, and the store is memory already.
   */
  public static StoreBuilder<WindowStore<String, InstanceWindow>> storeBuilder(
      TimeWindows windows) {
    return WindowStoreWithPendingWrites.builder(
        Stores.inMemoryWindowStore(
            STORE,
            Duration.ofMillis(windows.size() + windows.gracePeriodMs()),
            Duration.ofMillis(paneMillis(windows)),
            false),
        Serdes.String(),
        new InstanceWindowSerde());
  }

  /** Every window start and end is a multiple of the pane, so a window is whole panes. */
  static long paneMillis(TimeWindows windows) {
    long a = windows.size();
    long b = windows.advanceMs;
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  @Override
  public void init(ProcessorContext<String, WindowUpdates> context) {
    this.context = context;
    // Fresh at every (re)initialization: after an aborted transaction the store is restored, and
    // nothing held from before may outlive that.
    this.recent = new RecentPanes(context.getStateStore(STORE), maxCachedInstances);
    this.observedStreamTime = ConsumerRecord.NO_TIMESTAMP;
    // Kafka Streams' own windowed aggregates count what they drop past the grace in the task's
    // dropped-records sensor (dropped-records-total); this one does the same, so the meter users
    // already watch still tells them when input came too late to be seen.
    this.droppedPastGrace =
        TaskMetrics.droppedRecordsSensor(
            Thread.currentThread().getName(),
            context.taskId().toString(),
            (StreamsMetricsImpl) context.metrics());
  }

  @Override
  public void close() {
    recent = null;
  }

  @Override
  public void process(Record<String, InstanceSignal> record) {
    String instance = record.key();
    if (instance == null || record.value() == null) {
      return;
    }
    long time = record.timestamp();
    if (record.value().lifecycle() != null) {
      passOnWithoutWindows(instance, record); // in no window, but it moved the baselines
      return;
    }
    // The task's stream time survives a restart; a windowed aggregate's own does not.
    observedStreamTime =
        Math.max(observedStreamTime, Math.max(time, context.currentStreamTimeMs()));
    long closeTime = observedStreamTime - windows.gracePeriodMs();
    // The windows TimeWindows.windowsFor(time) gives, without the map it builds for them.
    List<Window> open = new ArrayList<>();
    long size = windows.size();
    long advance = windows.advanceMs;
    for (long start = Math.max(0, time - size + advance) / advance * advance;
        start <= time;
        start += advance) {
      if (start + size > closeTime) {
        open.add(new TimeWindow(start, start + size));
      }
    }
    if (open.isEmpty()) {
      droppedPastGrace.record(); // later than the grace of every window it falls in
      passOnWithoutWindows(instance, record); // the baseline keeper may still have taken it
      return;
    }
    long paneStart = time - Math.floorMod(time, paneMillis);
    NavigableMap<Long, InstanceWindow> span =
        recent.span(instance, open.get(0).start(), open.get(open.size() - 1).end() - 1);
    InstanceSignal signal = record.value();
    List<WindowUpdate> updates = new ArrayList<>(open.size());
    try {
      InstanceWindow pane = span.get(paneStart);
      if (pane == null) {
        pane = new InstanceWindow();
      }
      // A pane that dropped something to take the signal is no longer its windows plus the signal.
      boolean paneKeepsAll = pane.takesWithoutDropping(signal);
      pane.add(signal);
      recent.put(instance, paneStart, pane);
      for (Window window : open) {
        // Each window differs from the one merged for the last signal by this signal alone: add it
        // where that gives the same contents, else merge the window's panes again.
        InstanceWindow contents = paneKeepsAll ? recent.window(instance, window.start()) : null;
        if (contents != null && contents.takesLikeItsPanes(signal)) {
          contents.add(signal);
        } else {
          contents = InstanceWindow.over(span.subMap(window.start(), true, window.end() - 1, true));
          recent.holdWindow(instance, window.start(), contents);
        }
        updates.add(new WindowUpdate(window, contents));
      }
    } catch (RuntimeException e) {
      // The panes and windows in memory may hold what the store does not: read them again.
      recent.forget(instance);
      throw e;
    }
    // No window that still takes signals holds a pane this old.
    recent.forgetBefore(instance, closeTime - windows.size());
    context.forward(new Record<>(instance, new WindowUpdates(signal, updates), time));
  }

  /** The rules compare with baselines that a signal in no window may still have moved. */
  private void passOnWithoutWindows(String instance, Record<String, InstanceSignal> record) {
    context.forward(
        new Record<>(instance, new WindowUpdates(record.value(), List.of()), record.timestamp()));
  }
}
