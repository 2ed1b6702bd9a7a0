package io.precursor.streams;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.streams.baseline.BaselineKeeper;
import io.precursor.streams.baseline.BaselineSettings;
import io.precursor.streams.baseline.InstanceLifecycle;
import io.precursor.streams.baseline.LifecycleEvents;
import io.precursor.streams.baseline.SeriesBaseline;
import io.precursor.streams.incident.ClusterSignal;
import io.precursor.streams.incident.ConfirmationBook;
import io.precursor.streams.incident.IncidentBook;
import io.precursor.streams.incident.IncidentLinker;
import io.precursor.streams.incident.PrecursorConfirmation;
import io.precursor.streams.precursor.Episode;
import io.precursor.streams.precursor.EpisodeTracker;
import io.precursor.streams.precursor.PrecursorCatalogue;
import io.precursor.streams.precursor.PrecursorRules;
import io.precursor.streams.precursor.WindowFinding;
import io.precursor.streams.query.InstancePrecursors;
import io.precursor.streams.query.RecentPrecursorsRecorder;
import io.precursor.streams.window.EventIdDeduplicator;
import io.precursor.streams.window.InstanceSignal;
import io.precursor.streams.window.InstanceWindowAssembler;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

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
    addSeenIdsStore(builder, EventIdDeduplicator.STORE, config);
    addSeenIdsStore(builder, EventIdDeduplicator.ERRORLOG_STORE, config);
    KStream<String, InstanceSignal> slowQueries =
        source(builder, topics.slowQueries(), "slowlog")
            .processValues(
                () ->
                    new EventIdDeduplicator<SlowQueryEntry>(
                        EventIdDeduplicator.STORE, SlowQueryEntry::getEventId),
                Named.as("slowlog-dedup"),
                EventIdDeduplicator.STORE)
            .mapValues(InstanceSignal::of, Named.as("slowlog-as-signal"));
    KStream<String, InstanceSignal> metrics =
        source(builder, topics.metrics(), "metrics")
            .mapValues(InstanceSignal::of, Named.as("metric-as-signal"));
    KStream<String, InstanceSignal> errorLog =
        source(builder, topics.errorLog(), "errorlog")
            .processValues(
                () ->
                    new EventIdDeduplicator<ErrorLogEntry>(
                        EventIdDeduplicator.ERRORLOG_STORE, ErrorLogEntry::getEventId),
                Named.as("errorlog-dedup"),
                EventIdDeduplicator.ERRORLOG_STORE)
            .mapValues(InstanceSignal::of, Named.as("errorlog-as-signal"));
    KStream<String, DbEvent> dbEvents = source(builder, topics.dbEvents(), "db-events");
    // Failovers and restarts shape each instance's baseline: re-keyed from the event's source (a
    // cluster, or an instance) to the instance concerned, co-partitioned with the other inputs.
    KStream<String, InstanceSignal> lifecycles =
        dbEvents
            .flatMap((source, e) -> LifecycleEvents.of(e), Named.as("event-as-lifecycle"))
            .repartition(
                Repartitioned.<String, InstanceSignal>as("lifecycles-by-instance")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(InternalSerde.json(InstanceSignal.class))
                    .withNumberOfPartitions(topics.slowQueries().partitions()));

    KStream<String, InstanceSignal> signals =
        slowQueries
            .merge(metrics, Named.as("instance-signals"))
            .merge(errorLog, Named.as("instance-signals-with-errorlog"))
            .merge(lifecycles, Named.as("instance-signals-with-lifecycles"));
    KStream<String, WindowFinding> findings =
        findings(
            builder,
            signals,
            config,
            catalogue,
            config.getInt(StreamsStageConfig.WINDOW_CACHED_INSTANCES));

    builder.addStateStore(smallStore(EpisodeTracker.STORE, Episode.class));
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
    builder.addStateStore(smallStore(RecentPrecursorsRecorder.STORE, InstancePrecursors.class));
    precursors.process(
        () -> new RecentPrecursorsRecorder(config.getInt(StreamsStageConfig.QUERY_PRECURSORS_KEPT)),
        Named.as("recent-precursors-recorder"),
        RecentPrecursorsRecorder.STORE);

    buildIncidents(builder, config, topics, dbEvents, precursors);
    return builder.build();
  }

  /**
   * Each instance's signals through its baselines and windows to the rules' findings; {@code
   * rememberedInstances} as {@link PrecursorRules} takes it.
   */
  static KStream<String, WindowFinding> findings(
      StreamsBuilder builder,
      KStream<String, InstanceSignal> signals,
      StreamsStageConfig config,
      PrecursorCatalogue catalogue,
      int rememberedInstances) {
    BaselineSettings baselineSettings = config.baselineSettings();
    var legacyBaselines = InternalSerde.json(SeriesBaseline.class).deserializer();
    int heldSeries =
        config.getInt(StreamsStageConfig.WINDOW_CACHED_INSTANCES)
            * StreamsStageConfig.HELD_SERIES_PER_INSTANCE;
    builder.addStateStore(BaselineKeeper.storeBuilder(legacyBaselines, heldSeries));
    builder.addStateStore(BaselineKeeper.openBucketsStoreBuilder(legacyBaselines, heldSeries));
    builder.addStateStore(smallStore(BaselineKeeper.LIFECYCLES, InstanceLifecycle.class));

    // All inputs are keyed by DB instance and co-partitioned, so one window holds them all.
    TimeWindows hopping =
        TimeWindows.ofSizeAndGrace(config.windowSize(), config.grace())
            .advanceBy(config.windowAdvance());
    builder.addStateStore(InstanceWindowAssembler.storeBuilder(hopping));
    return signals
        .processValues(
            () ->
                new BaselineKeeper(
                    baselineSettings, config.getInt(StreamsStageConfig.WINDOW_CACHED_INSTANCES)),
            Named.as("instance-baselines-keeper"),
            BaselineKeeper.BASELINES,
            BaselineKeeper.OPEN_BUCKETS,
            BaselineKeeper.LIFECYCLES)
        .process(
            () ->
                new InstanceWindowAssembler(
                    hopping, config.getInt(StreamsStageConfig.WINDOW_CACHED_INSTANCES)),
            Named.as("instance-windows-assembler"),
            InstanceWindowAssembler.STORE)
        .process(
            () -> new PrecursorRules(catalogue, baselineSettings, rememberedInstances),
            Named.as("precursor-rules"),
            BaselineKeeper.BASELINES,
            BaselineKeeper.OPEN_BUCKETS,
            BaselineKeeper.LIFECYCLES);
  }

  /** Failover events meet the precursors of their cluster; both re-keyed by cluster. */
  private static void buildIncidents(
      StreamsBuilder builder,
      StreamsStageConfig config,
      Topics topics,
      KStream<String, DbEvent> dbEvents,
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
        dbEvents
            .filter((id, e) -> FAILOVER_EVENTS.contains(e.getKind()), Named.as("failover-events"))
            .map(
                (id, e) -> KeyValue.pair(ClusterSignal.clusterOf(e), ClusterSignal.of(e)),
                Named.as("event-as-cluster-signal"))
            .repartition(
                Repartitioned.<String, ClusterSignal>as("failovers-by-cluster")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(clusterSignalSerde)
                    .withNumberOfPartitions(topics.dbEvents().partitions()));

    builder.addStateStore(smallStore(IncidentLinker.STORE, IncidentBook.class));
    KStream<String, ClusterSignal> clusterSignals =
        precursorsByCluster.merge(failoversByCluster, Named.as("cluster-signals"));
    KStream<String, Incident> incidents =
        clusterSignals.process(
            () -> new IncidentLinker(config.incidentHorizon().toMillis()),
            Named.as("incident-linker"),
            IncidentLinker.STORE);
    // Precursors no failover followed within the horizon are announced again, UNCONFIRMED.
    builder.addStateStore(smallStore(PrecursorConfirmation.STORE, ConfirmationBook.class));
    clusterSignals
        .process(
            () ->
                new PrecursorConfirmation(
                    config.incidentHorizon().toMillis(), config.grace().toMillis()),
            Named.as("precursor-confirmation"),
            PrecursorConfirmation.STORE)
        .to(
            topics.precursors().name(),
            Produced.with(topics.precursors().keySerde(), topics.precursors().valueSerde())
                .withName("unconfirmed-precursors-sink"));
    incidents.to(
        topics.incidents().name(),
        Produced.with(topics.incidents().keySerde(), topics.incidents().valueSerde())
            .withName("incidents-sink"));
  }

  /**
   * A store of one small value per instance or cluster (a lifecycle, an episode, the last
   * precursors, an incident book), bounded by the fleet: in memory, restored from its changelog. In
   * RocksDB each would be a database per task to open, fsync the options of and close at every
   * assignment, which cost a fresh stage more time than the values ever take to restore.
   */
  private static <V> StoreBuilder<KeyValueStore<String, V>> smallStore(String name, Class<V> type) {
    return Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(name), Serdes.String(), InternalSerde.json(type));
  }

  private static void addSeenIdsStore(
      StreamsBuilder builder, String name, StreamsStageConfig config) {
    builder.addStateStore(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    name,
                    config.dedupRetention().multipliedBy(2),
                    config.dedupRetention().multipliedBy(2),
                    false),
                Serdes.String(),
                Serdes.Long())
            .withCachingEnabled());
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
        EventIdDeduplicator.ERRORLOG_STORE,
        BaselineKeeper.BASELINES,
        BaselineKeeper.OPEN_BUCKETS,
        BaselineKeeper.LIFECYCLES,
        InstanceWindowAssembler.STORE,
        EpisodeTracker.STORE,
        RecentPrecursorsRecorder.STORE,
        IncidentLinker.STORE,
        PrecursorConfirmation.STORE);
  }
}
