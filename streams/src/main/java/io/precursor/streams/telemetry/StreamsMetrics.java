package io.precursor.streams.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.precursor.streams.StreamsStage;

/**
 * The streams stage's meters: Kafka Streams' own (threads, tasks, stores, clients) and what the
 * topology wrote ({@link StreamsOutputMeters}).
 */
public final class StreamsMetrics implements MeterBinder, AutoCloseable {

  private final StreamsStage stage;
  private KafkaStreamsMetrics kafkaStreamsMetrics;

  public StreamsMetrics(StreamsStage stage) {
    this.stage = stage;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    stage.outputMeters().bindTo(registry);
    kafkaStreamsMetrics = new KafkaStreamsMetrics(stage.kafkaStreams());
    kafkaStreamsMetrics.bindTo(registry);
  }

  @Override
  public void close() {
    if (kafkaStreamsMetrics != null) {
      kafkaStreamsMetrics.close();
    }
  }
}
