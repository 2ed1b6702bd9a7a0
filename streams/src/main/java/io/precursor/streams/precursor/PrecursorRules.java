package io.precursor.streams.precursor;

import io.precursor.streams.baseline.BaselineKeeper;
import io.precursor.streams.baseline.BaselineSettings;
import io.precursor.streams.baseline.InstanceLifecycle;
import io.precursor.streams.baseline.SeriesBaseline;
import io.precursor.streams.baseline.StoredBaselines;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.streams.window.WindowUpdate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the catalogue on each update of an instance's windows, oldest window first, against the
 * instance's baselines as they stood before the window (and its grace) began, and passes on what
 * fired or is elevated.
 */
public final class PrecursorRules
    implements Processor<String, List<WindowUpdate>, String, WindowFinding> {

  private final PrecursorCatalogue catalogue;
  private final BaselineSettings settings;
  private ProcessorContext<String, WindowFinding> context;
  private KeyValueStore<String, SeriesBaseline> baselines;
  private KeyValueStore<String, InstanceLifecycle> lifecycles;

  public PrecursorRules(PrecursorCatalogue catalogue, BaselineSettings settings) {
    this.catalogue = catalogue;
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, WindowFinding> context) {
    this.context = context;
    this.baselines = context.getStateStore(BaselineKeeper.BASELINES);
    this.lifecycles = context.getStateStore(BaselineKeeper.LIFECYCLES);
  }

  @Override
  public void process(Record<String, List<WindowUpdate>> record) {
    String instance = record.key();
    // Nothing changes the baselines between the windows one signal updated: read each once.
    Map<String, SeriesBaseline> read = new HashMap<>();
    Function<String, SeriesBaseline> series =
        key -> {
          if (!read.containsKey(key)) {
            read.put(key, baselines.get(key));
          }
          return read.get(key);
        };
    InstanceLifecycle lifecycle = lifecycles.get(instance);
    for (WindowUpdate update : record.value()) {
      InstanceWindow contents = update.contents();
      long start = update.window().start();
      StoredBaselines normal =
          new StoredBaselines(
              series, lifecycle, instance, start - settings.graceMillis(), settings);
      for (Finding finding : catalogue.evaluate(contents, normal)) {
        context.forward(
            new Record<>(
                instance,
                new WindowFinding(
                    finding,
                    contents.cluster(),
                    start,
                    update.window().end(),
                    contents.lastEventTime()),
                record.timestamp()));
      }
    }
  }
}
