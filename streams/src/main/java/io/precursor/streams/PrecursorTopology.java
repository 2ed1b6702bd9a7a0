package io.precursor.streams;

import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.streams.incident.ClusterSignal;
import io.precursor.streams.incident.IncidentBook;
import io.precursor.streams.incident.IncidentLinker;
import io.precursor.streams.precursor.Episode;
import io.precursor.streams.precursor.EpisodeTracker;
import io.precursor.streams.precursor.PrecursorCatalogue;
import io.precursor.streams.precursor.WindowFinding;
import io.precursor.streams.query.InstancePrecursors;
import io.precursor.streams.query.RecentPrecursorsRecorder;
import io.precursor.streams.window.EventIdDeduplicator;
import io.precursor.streams.window.InstanceSignal;
import io.precursor.streams.window.InstanceWindow;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The detection topology: slow queries and metrics joined per DB instance over hopping windows, the
 * catalogue's rules on each window update, episodes turned into precursors, and failovers turned
 * into incidents that link the precursors before them. A pure function of its configuration.
 */
public final class PrecursorTopology {

  private static final Set<DbEventKind> FAILOVER_EVENTS =
      Set.of(
          DbEventKind.FAILOVER_STARTED,
          DbEventKind.FAILOVER_COMPLETED,
          DbEventKind.FAILOVER_FAILED);

  private PrecursorTopology() {}

  public static Topology build(StreamsStageConfig config, Topics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    PrecursorCatalogue catalogue = PrecursorCatalogue.from(config);

    // CloudWatch redelivers; an entry counted twice could tip a rule.
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                EventIdDeduplicator.STORE,
                config.dedupRetention().multipliedBy(2),
                config.dedupRetention().multipliedBy(2),
                false),
            Serdes.String(),
            Serdes.Long()));
    KStream<String, InstanceSignal> slowQueries =
        source(builder, topics.slowQueries(), "slowlog")
            .processValues(
                () -> new EventIdDeduplicator(config.dedupRetention()),
                Named.as("slowlog-dedup"),
                EventIdDeduplicator.STORE)
            .mapValues(InstanceSignal::of, Named.as("slowlog-as-signal"));
    KStream<String, InstanceSignal> metrics =
        source(builder, topics.metrics(), "metrics")
            .mapValues(InstanceSignal::of, Named.as("metric-as-signal"));

    // Both inputs are keyed by DB instance and co-partitioned, so one window holds both.
    KStream<String, WindowFinding> findings =
        slowQueries
            .merge(metrics, Named.as("instance-signals"))
            .groupByKey(
                Grouped.<String, InstanceSignal>as("signals-by-instance")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(InternalSerde.json(InstanceSignal.class)))
            .windowedBy(
                TimeWindows.ofSizeAndGrace(config.windowSize(), config.grace())
                    .advanceBy(config.windowAdvance()))
            .aggregate(
                InstanceWindow::new,
                (instance, signal, window) -> window.add(signal),
                Named.as("instance-windows-aggregate"),
                Materialized.<String, InstanceWindow, WindowStore<Bytes, byte[]>>as(
                        "instance-windows")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(InternalSerde.json(InstanceWindow.class))
                    // Each update is evaluated, so a rule fires on the record that tips it.
                    .withCachingDisabled())
            .toStream(Named.as("instance-window-updates"))
            .flatMap(
                (window, contents) ->
                    catalogue.evaluate(contents).stream()
                        .map(
                            finding ->
                                KeyValue.pair(
                                    window.key(),
                                    new WindowFinding(
                                        finding,
                                        contents.cluster(),
                                        window.window().start(),
                                        window.window().end(),
                                        contents.lastEventTime())))
                        .toList(),
                Named.as("precursor-rules"));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(EpisodeTracker.STORE),
            Serdes.String(),
            InternalSerde.json(Episode.class)));
    KStream<String, FailoverPrecursor> precursors =
        findings.process(
            () -> new EpisodeTracker(config.episodeGap().toMillis()),
            Named.as("precursor-episodes-tracker"),
            EpisodeTracker.STORE);
    precursors.to(
        topics.precursors().name(),
        Produced.with(topics.precursors().keySerde(), topics.precursors().valueSerde())
            .withName("precursors-sink"));

    // What the query endpoint answers GET /precursors from.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RecentPrecursorsRecorder.STORE),
            Serdes.String(),
            InternalSerde.json(InstancePrecursors.class)));
    precursors.process(
        () -> new RecentPrecursorsRecorder(config.getInt(StreamsStageConfig.QUERY_PRECURSORS_KEPT)),
        Named.as("recent-precursors-recorder"),
        RecentPrecursorsRecorder.STORE);

    buildIncidents(builder, config, topics, precursors);
    return builder.build();
  }

  /** Failover events meet the precursors of their cluster; both re-keyed by cluster. */
  private static void buildIncidents(
      StreamsBuilder builder,
      StreamsStageConfig config,
      Topics topics,
      KStream<String, FailoverPrecursor> precursors) {
    var clusterSignalSerde = InternalSerde.json(ClusterSignal.class);
    KStream<String, ClusterSignal> precursorsByCluster =
        precursors
            .map(
                (instance, p) -> KeyValue.pair(ClusterSignal.clusterOf(p), ClusterSignal.of(p)),
                Named.as("precursor-as-cluster-signal"))
            .repartition(
                Repartitioned.<String, ClusterSignal>as("precursors-by-cluster")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(clusterSignalSerde)
                    .withNumberOfPartitions(topics.dbEvents().partitions()));
    KStream<String, ClusterSignal> failoversByCluster =
        source(builder, topics.dbEvents(), "db-events")
            .filter((id, e) -> FAILOVER_EVENTS.contains(e.getKind()), Named.as("failover-events"))
            .map(
                (id, e) -> KeyValue.pair(ClusterSignal.clusterOf(e), ClusterSignal.of(e)),
                Named.as("event-as-cluster-signal"))
            .repartition(
                Repartitioned.<String, ClusterSignal>as("failovers-by-cluster")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(clusterSignalSerde)
                    .withNumberOfPartitions(topics.dbEvents().partitions()));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(IncidentLinker.STORE),
            Serdes.String(),
            InternalSerde.json(IncidentBook.class)));
    KStream<String, Incident> incidents =
        precursorsByCluster
            .merge(failoversByCluster, Named.as("cluster-signals"))
            .process(
                () -> new IncidentLinker(config.incidentHorizon().toMillis()),
                Named.as("incident-linker"),
                IncidentLinker.STORE);
    incidents.to(
        topics.incidents().name(),
        Produced.with(topics.incidents().keySerde(), topics.incidents().valueSerde())
            .withName("incidents-sink"));
  }

  private static <V> KStream<String, V> source(
      StreamsBuilder builder, Topic<String, V> topic, String name) {
    return builder.stream(
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde())
            .withTimestampExtractor(new EventTimeExtractor())
            .withName(name + "-source"));
  }

  /** Names of the state stores, for interactive queries and operators. */
  public static List<String> storeNames() {
    return List.of(
        EventIdDeduplicator.STORE,
        "instance-windows",
        EpisodeTracker.STORE,
        RecentPrecursorsRecorder.STORE,
        IncidentLinker.STORE);
  }
}
