package io.precursor.streams;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import io.precursor.topics.registry.MockSchemaRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The whole topology on a TopologyTestDriver, with its input and output topics. */
final class TopologyFixture implements AutoCloseable {

  final TopologyTestDriver driver;
  final TestInputTopic<String, SlowQueryEntry> slowlog;
  final TestInputTopic<String, MetricSample> metrics;
  final TestInputTopic<String, ErrorLogEntry> errorlog;
  final TestInputTopic<String, DbEvent> events;
  final TestOutputTopic<String, FailoverPrecursor> precursors;
  final TestOutputTopic<String, Incident> incidents;
  private final String scope = "fixture-" + System.nanoTime();

  TopologyFixture() {
    this(Map.of());
  }

  TopologyFixture(Map<String, String> overrides) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", "unused:9092");
    settings.put("schema.registry.url", "mock://" + scope);
    settings.put("topics.replication.factor", "1");
    settings.putAll(overrides);
    Topics topics = new Topics(new TopicsConfig(settings));
    StreamsStageConfig config = new StreamsStageConfig(settings);
    Properties props = StreamsStage.properties(config, new TopicsConfig(settings), settings);
    driver = new TopologyTestDriver(PrecursorTopology.build(config, topics), props);
    slowlog = input(topics.slowQueries());
    metrics = input(topics.metrics());
    errorlog = input(topics.errorLog());
    events = input(topics.dbEvents());
    precursors =
        driver.createOutputTopic(
            topics.precursors().name(),
            topics.precursors().keySerde().deserializer(),
            topics.precursors().valueSerde().deserializer());
    incidents =
        driver.createOutputTopic(
            topics.incidents().name(),
            topics.incidents().keySerde().deserializer(),
            topics.incidents().valueSerde().deserializer());
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** Feeds one record to its topic at its own event time. */
  void pipe(Object record) {
    if (record instanceof SlowQueryEntry e) {
      slowlog.pipeInput(e.getInstance(), e, e.getEventTime());
    } else if (record instanceof MetricSample m) {
      metrics.pipeInput(m.getInstance(), m, m.getTime());
    } else if (record instanceof ErrorLogEntry e) {
      errorlog.pipeInput(e.getInstance(), e, e.getEventTime());
    } else if (record instanceof DbEvent e) {
      events.pipeInput(e.getSourceId(), e, e.getTime());
    } else {
      throw new IllegalArgumentException("not an input record: " + record);
    }
  }

  @Override
  public void close() {
    driver.close();
    MockSchemaRegistry.drop(scope);
  }
}
