package io.precursor.streams.window;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Drops log entries whose CloudWatch event id was already seen within the retention: CloudWatch
 * retries and Kinesis redelivers, so the same entry can arrive more than once, always with the
 * event time it had the first time.
 */
public final class EventIdDeduplicator<V> implements FixedKeyProcessor<String, V, V> {

  /** The store of slow-log event ids. */
  public static final String STORE = "slowlog-seen-event-ids";

  /** The store of error-log event ids. */
  public static final String ERRORLOG_STORE = "errorlog-seen-event-ids";

  private final String storeName;
  private final Function<V, String> eventId;
  private FixedKeyProcessorContext<String, V> context;
  private WindowStore<String, Long> seen;

  public EventIdDeduplicator(String storeName, Function<V, String> eventId) {
    this.storeName = storeName;
    this.eventId = eventId;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, V> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    String id = eventId.apply(record.value());
    long time = record.timestamp();
    // A redelivered entry is the same log event, so it has the same event time: the id is looked up
    // at that time alone, one point read in one segment rather than a range over three of them.
    if (seen.fetch(id, time) != null) {
      return;
    }
    seen.put(id, time, time);
    context.forward(record);
  }
}
