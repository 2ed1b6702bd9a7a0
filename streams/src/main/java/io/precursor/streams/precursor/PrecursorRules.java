package io.precursor.streams.precursor;

import io.precursor.streams.baseline.BaselineKeeper;
import io.precursor.streams.baseline.BaselineSettings;
import io.precursor.streams.baseline.InstanceLifecycle;
import io.precursor.streams.baseline.KnownLevels;
import io.precursor.streams.baseline.RecentLifecycles;
import io.precursor.streams.baseline.SeriesBaseline;
import io.precursor.streams.baseline.StoredBaselines;
import io.precursor.streams.window.InstanceSignal;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.MetricBits;
import io.precursor.streams.window.WindowReads;
import io.precursor.streams.window.WindowUpdate;
import io.precursor.streams.window.WindowUpdates;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the catalogue on each update of an instance's windows, oldest window first, against the
 * instance's baselines as they stood before the window (and its grace) began, and passes on what
 * fired or is elevated. A rule that read nothing the signal changed is not run again: its finding
 * on that window is remembered ({@link RememberedFindings}).
 */
public final class PrecursorRules
    implements Processor<String, WindowUpdates, String, WindowFinding> {

  private final List<PrecursorRule> rules;
  private final BaselineSettings settings;
  private final int rememberedInstances;
  private ProcessorContext<String, WindowFinding> context;
  // The baseline stores' reads, made once: a StoredBaselines is made for every window of a signal.
  private Function<String, SeriesBaseline> storedSeries;
  private Function<String, SeriesBaseline> openSeries;
  private RecentLifecycles lifecycles;
  private RememberedFindings remembered;
  private WindowReads reads;

  /**
   * @param rememberedInstances instances whose findings are remembered between signals, the most
   *     recently active; 0 runs every rule on every update
   */
  public PrecursorRules(
      PrecursorCatalogue catalogue, BaselineSettings settings, int rememberedInstances) {
    this.rules = catalogue.rules();
    this.settings = settings;
    this.rememberedInstances = rememberedInstances;
  }

  @Override
  public void init(ProcessorContext<String, WindowFinding> context) {
    this.context = context;
    KeyValueStore<String, SeriesBaseline> baselines =
        context.getStateStore(BaselineKeeper.BASELINES);
    KeyValueStore<String, SeriesBaseline> openBuckets =
        context.getStateStore(BaselineKeeper.OPEN_BUCKETS);
    this.storedSeries = baselines::get;
    this.openSeries = openBuckets::get;
    this.lifecycles =
        new RecentLifecycles(context.getStateStore(BaselineKeeper.LIFECYCLES), rememberedInstances);
    // Fresh at every (re)initialization, as the stores may have been restored since.
    MetricBits bits = new MetricBits();
    this.remembered = new RememberedFindings(rememberedInstances, bits, rules.size());
    this.reads = new WindowReads(bits);
  }

  @Override
  public void process(Record<String, WindowUpdates> record) {
    String instance = record.key();
    // Nothing changes the baselines between the windows one signal updated: a level read over the
    // same buckets is worked out once (the stores hold the series they were last asked for
    // decoded).
    KnownLevels levels = new KnownLevels();
    InstanceSignal signal = record.value().signal();
    if (signal.lifecycle() != null) {
      lifecycles.forget(instance); // the baseline keeper has just changed it
    }
    InstanceLifecycle lifecycle = lifecycles.get(instance);
    RememberedFindings.InstanceFindings known = remembered.after(instance, signal);
    List<WindowUpdate> updates = record.value().windows();
    for (WindowUpdate update : updates) {
      InstanceWindow contents = update.contents();
      long start = update.window().start();
      NotedBaselines normal =
          new NotedBaselines(
              new StoredBaselines(
                  storedSeries,
                  openSeries,
                  lifecycle,
                  instance,
                  start - settings.graceMillis(),
                  settings,
                  levels),
              reads);
      RememberedFindings.InstanceFindings.WindowFindings window = known.window(start);
      for (int r = 0; r < rules.size(); r++) {
        Optional<Finding> finding = window.remembered(r);
        if (finding == null) {
          reads.clear();
          contents.noteReadsIn(reads);
          try {
            finding = rules.get(r).evaluate(contents, normal);
          } finally {
            contents.stopNotingReads();
          }
          window.remember(r, finding, reads);
        }
        if (finding.isPresent()) {
          context.forward(
              new Record<>(
                  instance,
                  new WindowFinding(
                      finding.get(),
                      contents.cluster(),
                      start,
                      update.window().end(),
                      contents.lastEventTime()),
                  record.timestamp()));
        }
      }
    }
    if (!updates.isEmpty()) {
      Window newest = updates.get(updates.size() - 1).window();
      // Older windows ended before the grace of every signal this one's time still admits.
      known.forgetWindowsBefore(
          newest.start() - (newest.end() - newest.start()) - settings.graceMillis());
    }
  }
}
