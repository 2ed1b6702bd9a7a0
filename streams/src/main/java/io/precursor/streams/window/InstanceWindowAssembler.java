package io.precursor.streams.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Hopping windows of each DB instance's signals, kept as panes: a signal is added to the one pane
 * (the span windows advance by) it falls in, and every window it falls in that is still open is
 * merged from its panes and passed on, oldest first. The same updates a windowed aggregate makes,
 * for one pane written per signal instead of every window.
 */
public final class InstanceWindowAssembler
    implements Processor<String, InstanceSignal, Windowed<String>, InstanceWindow> {

  /** The store of panes, by instance and pane start. */
  public static final String STORE = "instance-window-panes";

  private final TimeWindows windows;
  private final long paneMillis;
  private ProcessorContext<Windowed<String>, InstanceWindow> context;
  private WindowStore<String, InstanceWindow> panes;
  private long observedStreamTime;

  public InstanceWindowAssembler(TimeWindows windows) {
    this.windows = windows;
    this.paneMillis = paneMillis(windows);
  }

  /**
   * The pane store: kept as long as a window holding a pane can still be updated, and cached so
   * signals of the same pane within one commit reach RocksDB and the changelog once.
   */
  public static StoreBuilder<WindowStore<String, InstanceWindow>> storeBuilder(
      TimeWindows windows) {
    return Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                STORE,
                Duration.ofMillis(windows.size() + windows.gracePeriodMs()),
                Duration.ofMillis(paneMillis(windows)),
                false),
            Serdes.String(),
            new InstanceWindowSerde())
        .withCachingEnabled();
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
  public void init(ProcessorContext<Windowed<String>, InstanceWindow> context) {
    this.context = context;
    this.panes = context.getStateStore(STORE);
    this.observedStreamTime = ConsumerRecord.NO_TIMESTAMP;
  }

  @Override
  public void process(Record<String, InstanceSignal> record) {
    String instance = record.key();
    if (instance == null || record.value() == null) {
      return;
    }
    long time = record.timestamp();
    // The task's stream time survives a restart; a windowed aggregate's own does not.
    observedStreamTime =
        Math.max(observedStreamTime, Math.max(time, context.currentStreamTimeMs()));
    long closeTime = observedStreamTime - windows.gracePeriodMs();
    List<Window> open = new ArrayList<>();
    for (Window window : windows.windowsFor(time).values()) {
      if (window.end() > closeTime) {
        open.add(window);
      }
    }
    if (open.isEmpty()) {
      return; // later than the grace of every window it falls in
    }
    long paneStart = time - Math.floorMod(time, paneMillis);
    InstanceWindow pane = panes.fetch(instance, paneStart);
    if (pane == null) {
      pane = new InstanceWindow();
    }
    pane.add(record.value());
    panes.put(instance, pane, paneStart);

    TreeMap<Long, InstanceWindow> span =
        panesOf(instance, open.get(0).start(), open.get(open.size() - 1).end() - 1);
    span.put(paneStart, pane);
    for (Window window : open) {
      InstanceWindow contents =
          InstanceWindow.merged(span.subMap(window.start(), window.end()).values());
      context.forward(new Record<>(new Windowed<>(instance, window), contents, time));
    }
  }

  private TreeMap<Long, InstanceWindow> panesOf(String instance, long fromStart, long toStart) {
    TreeMap<Long, InstanceWindow> span = new TreeMap<>();
    try (WindowStoreIterator<InstanceWindow> stored = panes.fetch(instance, fromStart, toStart)) {
      while (stored.hasNext()) {
        KeyValue<Long, InstanceWindow> pane = stored.next();
        span.put(pane.key, pane.value);
      }
    }
    return span;
  }
}
