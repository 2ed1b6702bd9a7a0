package io.precursor.streams;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.SlowQueryEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from the record itself (when the statement ran, when the datapoint was measured), so
 * windows mean the same in live processing and in replay.
 */
public final class EventTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Object value = record.value();
    if (value instanceof SlowQueryEntry e) {
      return e.getEventTime().toEpochMilli();
    }
    if (value instanceof MetricSample m) {
      return m.getTime().toEpochMilli();
    }
    if (value instanceof DbEvent e) {
      return e.getTime().toEpochMilli();
    }
    if (value instanceof FailoverPrecursor p) {
      return p.getDetectedAt().toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
  }
}
