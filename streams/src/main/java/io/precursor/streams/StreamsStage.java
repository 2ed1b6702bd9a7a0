package io.precursor.streams;

import io.precursor.streams.deadletter.DeadLetterHandler;
import io.precursor.streams.query.QueryServer;
import io.precursor.streams.query.StageQueries;
import io.precursor.streams.telemetry.OutputMetersInterceptor;
import io.precursor.streams.telemetry.StreamsOutputMeters;
import io.precursor.topics.KafkaSecurityConfig;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the detection topology with exactly-once processing until closed. */
public final class StreamsStage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsStage.class);

  private final KafkaStreams streams;
  private final Set<String> sourceTopics;
  private final StreamsOutputMeters outputMeters;
  private final StreamsStageConfig config;
  private QueryServer queryServer;

  public StreamsStage(Map<String, ?> settings) {
    this.config = new StreamsStageConfig(settings);
    TopicsConfig topicsConfig = new TopicsConfig(settings);
    Topics topics = new Topics(topicsConfig);
    Topology topology = PrecursorTopology.build(config, topics);
    LOG.debug("topology:\n{}", topology.describe());
    this.outputMeters = new StreamsOutputMeters(topics);
    Properties props = properties(config, topicsConfig, settings);
    // The Streams producer counts what the topology writes (objects pass through producer.*).
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG),
        OutputMetersInterceptor.class.getName());
    props.put(StreamsConfig.producerPrefix(StreamsOutputMeters.CONFIG), outputMeters);
    this.streams = new KafkaStreams(topology, props);
    this.sourceTopics = sourceTopics(topology);
  }

  /** The Kafka Streams properties the stage runs with; tests drive the topology with the same. */
  public static Properties properties(
      StreamsStageConfig config, TopicsConfig topicsConfig, Map<String, ?> settings) {
    Properties props = new Properties();
    // The dead-letter handler reads the topic settings (prefix, registry) from the same map.
    topicsConfig.originals().forEach(props::put);
    props.put(
        StreamsConfig.APPLICATION_ID_CONFIG, config.getString(StreamsStageConfig.APPLICATION_ID));
    props.put(
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
        String.join(",", config.getList(StreamsStageConfig.BOOTSTRAP_SERVERS)));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(StreamsStageConfig.STATE_DIR));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(StreamsStageConfig.THREADS));
    props.put(
        StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
        config.getLong(StreamsStageConfig.CACHE_MAX_BYTES));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topicsConfig.replicationFactor());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // TLS/SASL for every client Kafka Streams makes (consumers, producers, admin).
    props.putAll(KafkaSecurityConfig.clientProperties(settings));
    // Pass-through of plain Kafka client settings (security, timeouts) given as streams.kafka.*.
    settings.forEach(
        (k, v) -> {
          if (k.startsWith("streams.kafka.")) {
            props.put(k.substring("streams.kafka.".length()), v);
          }
        });
    return props;
  }

  /** The topics the topology reads, internal repartition topics included. */
  public Set<String> sourceTopics() {
    return sourceTopics;
  }

  private static Set<String> sourceTopics(Topology topology) {
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          topics.addAll(source.topicSet());
        }
      }
    }
    return Set.copyOf(topics);
  }

  /** Starts processing, and the query endpoint when a port is configured. */
  public void start() {
    streams.start();
    int port = config.getInt(StreamsStageConfig.QUERY_PORT);
    if (port != 0) {
      queryServer =
          QueryServer.start(
              config.getString(StreamsStageConfig.QUERY_BIND_ADDRESS),
              port,
              new StageQueries(streams, config.episodeGap().toMillis()),
              config.getInt(StreamsStageConfig.QUERY_PRECURSORS_KEPT));
    }
  }

  /** The port of the query endpoint, when it is serving. */
  public Optional<Integer> queryPort() {
    return Optional.ofNullable(queryServer).map(QueryServer::port);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** What the topology wrote so far, as meters. */
  public StreamsOutputMeters outputMeters() {
    return outputMeters;
  }

  /** The running Kafka Streams instance, for interactive queries and health. */
  public KafkaStreams kafkaStreams() {
    return streams;
  }

  @Override
  public void close() {
    if (queryServer != null) {
      queryServer.close();
      queryServer = null;
    }
    streams.close(Duration.ofSeconds(30));
  }
}
