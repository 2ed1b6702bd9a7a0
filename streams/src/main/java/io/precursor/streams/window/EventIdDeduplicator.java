package io.precursor.streams.window;

import io.precursor.schemas.SlowQueryEntry;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops slow-log entries whose CloudWatch event id was already seen within the retention:
 * CloudWatch retries and Kinesis redelivers, so the same entry can arrive more than once.
 */
public final class EventIdDeduplicator
    implements FixedKeyProcessor<String, SlowQueryEntry, SlowQueryEntry> {

  public static final String STORE = "slowlog-seen-event-ids";

  private final long retentionMillis;
  private FixedKeyProcessorContext<String, SlowQueryEntry> context;
  private WindowStore<String, Long> seen;

  public EventIdDeduplicator(Duration retention) {
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, SlowQueryEntry> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, SlowQueryEntry> record) {
    String eventId = record.value().getEventId();
    long time = record.timestamp();
    try (WindowStoreIterator<Long> earlier =
        seen.fetch(eventId, time - retentionMillis, time + retentionMillis)) {
      if (earlier.hasNext()) {
        return;
      }
    }
    seen.put(eventId, time, time);
    context.forward(record);
  }
}
