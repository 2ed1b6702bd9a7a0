package io.precursor.topics;

import io.precursor.schemas.ActionRecord;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DeadLetter;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.topics.registry.SchemaRegistryClient;
import io.precursor.topics.registry.SchemaRegistryClients;
import io.precursor.topics.serde.AvroSerde;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic Precursor reads or writes, with its serdes; built once from configuration and shared
 * by all stages, never mutated.
 */
public final class Topics {

  /** Stages that own a dead-letter topic. */
  public enum Stage {
    INGEST,
    STREAMS,
    ALERTING;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final SchemaRegistryClient registry;
  private final Topic<String, SlowQueryEntry> slowQueries;
  private final Topic<String, ErrorLogEntry> errorLog;
  private final Topic<String, MetricSample> metrics;
  private final Topic<String, DbEvent> dbEvents;
  private final Topic<String, FailoverPrecursor> precursors;
  private final Topic<String, Incident> incidents;
  private final Topic<String, ActionRecord> actions;
  private final Map<Stage, Topic<String, DeadLetter>> deadLetters;

  public Topics(TopicsConfig config) {
    this(
        config,
        SchemaRegistryClients.forUrl(config.schemaRegistryUrl(), config.schemaRegistryBasicAuth()));
  }

  public Topics(TopicsConfig config, SchemaRegistryClient registry) {
    this.registry = registry;
    String p = config.prefix();
    int n = config.partitions();
    boolean register = config.autoRegister();
    Map<String, String> deleteRetention = Map.of("cleanup.policy", "delete");
    slowQueries = avroTopic(p + "slowlog", SlowQueryEntry.class, n, deleteRetention, register);
    errorLog = avroTopic(p + "errorlog", ErrorLogEntry.class, n, deleteRetention, register);
    metrics = avroTopic(p + "metrics", MetricSample.class, n, deleteRetention, register);
    dbEvents = avroTopic(p + "db-events", DbEvent.class, n, deleteRetention, register);
    precursors = avroTopic(p + "precursors", FailoverPrecursor.class, n, deleteRetention, register);
    incidents =
        avroTopic(
            p + "incidents", Incident.class, n, Map.of("cleanup.policy", "compact"), register);
    actions = avroTopic(p + "actions", ActionRecord.class, n, deleteRetention, register);
    deadLetters =
        Map.of(
            Stage.INGEST, deadLetterTopic(p, Stage.INGEST, register),
            Stage.STREAMS, deadLetterTopic(p, Stage.STREAMS, register),
            Stage.ALERTING, deadLetterTopic(p, Stage.ALERTING, register));
  }

  /** Slow query log entries, keyed by DB instance. */
  public Topic<String, SlowQueryEntry> slowQueries() {
    return slowQueries;
  }

  /** Error log lines, keyed by DB instance. */
  public Topic<String, ErrorLogEntry> errorLog() {
    return errorLog;
  }

  /** CloudWatch datapoints, keyed by DB instance (or cluster for cluster-scope metrics). */
  public Topic<String, MetricSample> metrics() {
    return metrics;
  }

  /** RDS events, keyed by source identifier. */
  public Topic<String, DbEvent> dbEvents() {
    return dbEvents;
  }

  /** Failover precursors, keyed by DB instance. */
  public Topic<String, FailoverPrecursor> precursors() {
    return precursors;
  }

  /** Incidents, keyed by incident id, compacted. */
  public Topic<String, Incident> incidents() {
    return incidents;
  }

  /** Audit of every action alerting took, keyed by idempotency key. */
  public Topic<String, ActionRecord> actions() {
    return actions;
  }

  /** Input a stage could not read, keyed by its source reference. */
  public Topic<String, DeadLetter> deadLetters(Stage stage) {
    return deadLetters.get(stage);
  }

  /** Every topic, for creating them. */
  public List<Topic<?, ?>> all() {
    return List.of(
        slowQueries,
        errorLog,
        metrics,
        dbEvents,
        precursors,
        incidents,
        actions,
        deadLetters.get(Stage.INGEST),
        deadLetters.get(Stage.STREAMS),
        deadLetters.get(Stage.ALERTING));
  }

  /** The registry the serdes talk to. */
  public SchemaRegistryClient registry() {
    return registry;
  }

  private Topic<String, DeadLetter> deadLetterTopic(String prefix, Stage stage, boolean register) {
    return avroTopic(
        prefix + "dlq." + stage.id(),
        DeadLetter.class,
        1,
        Map.of("cleanup.policy", "delete"),
        register);
  }

  private <V extends SpecificRecord> Topic<String, V> avroTopic(
      String name, Class<V> type, int partitions, Map<String, String> configs, boolean register) {
    Serde<V> values = AvroSerde.forValues(type, registry, register);
    return new Topic<>(name, Serdes.String(), values, partitions, configs);
  }
}
