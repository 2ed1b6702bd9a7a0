package io.precursor.streams.precursor;

import io.precursor.streams.baseline.BaselineKeeper;
import io.precursor.streams.baseline.BaselineSettings;
import io.precursor.streams.baseline.InstanceLifecycle;
import io.precursor.streams.baseline.SeriesBaseline;
import io.precursor.streams.baseline.StoredBaselines;
import io.precursor.streams.window.InstanceWindow;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the catalogue on each update of an instance's window, against the instance's baselines as
 * they stood before the window (and its grace) began, and passes on what fired or is elevated.
 */
public final class PrecursorRules
    implements Processor<Windowed<String>, InstanceWindow, String, WindowFinding> {

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
  public void process(Record<Windowed<String>, InstanceWindow> record) {
    InstanceWindow contents = record.value();
    if (contents == null) {
      return;
    }
    String instance = record.key().key();
    long start = record.key().window().start();
    StoredBaselines normal =
        new StoredBaselines(
            baselines, lifecycles, instance, start - settings.graceMillis(), settings);
    for (Finding finding : catalogue.evaluate(contents, normal)) {
      context.forward(
          new Record<>(
              instance,
              new WindowFinding(
                  finding,
                  contents.cluster(),
                  start,
                  record.key().window().end(),
                  contents.lastEventTime()),
              record.timestamp()));
    }
  }
}
