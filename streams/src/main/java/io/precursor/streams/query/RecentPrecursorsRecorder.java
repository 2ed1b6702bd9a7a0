package io.precursor.streams.query;

import io.precursor.schemas.FailoverPrecursor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the last precursor records of each DB instance in a named store, so the query endpoint can
 * answer "what fired lately" without reading the precursors topic.
 */
public final class RecentPrecursorsRecorder
    implements Processor<String, FailoverPrecursor, Void, Void> {

  public static final String STORE = "recent-precursors";

  private final int kept;
  private KeyValueStore<String, InstancePrecursors> recent;

  public RecentPrecursorsRecorder(int kept) {
    this.kept = kept;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.recent = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, FailoverPrecursor> record) {
    String instance = record.key();
    InstancePrecursors known = recent.get(instance);
    recent.put(
        instance,
        (known == null ? InstancePrecursors.empty() : known)
            .with(RecentPrecursor.of(record.value()), kept));
  }
}
