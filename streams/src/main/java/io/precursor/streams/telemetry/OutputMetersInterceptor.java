package io.precursor.streams.telemetry;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each record the Streams producer sends to the stage's {@link StreamsOutputMeters}, so the
 * topology stays free of metrics; counting never fails a send.
 */
public final class OutputMetersInterceptor implements ProducerInterceptor<byte[], byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(OutputMetersInterceptor.class);

  private StreamsOutputMeters meters;

  @Override
  public void configure(Map<String, ?> configs) {
    Object configured = configs.get(StreamsOutputMeters.CONFIG);
    meters = configured instanceof StreamsOutputMeters m ? m : null;
  }

  @Override
  public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
    if (meters != null) {
      try {
        meters.sent(record.topic(), record.value());
      } catch (RuntimeException e) {
        LOG.debug("Could not count a record sent to {}: {}", record.topic(), e.toString());
      }
    }
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

  @Override
  public void close() {}
}
