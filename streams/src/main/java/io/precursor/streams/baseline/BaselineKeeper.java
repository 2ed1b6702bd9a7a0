package io.precursor.streams.baseline;

import io.precursor.streams.window.InstanceSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Feeds each instance's baselines from its metric datapoints and slow queries, leaves out what
 * happens around failovers and restarts, and starts afresh when the instance changes role. Passes
 * the signals on to the windows; lifecycle events stop here.
 */
public final class BaselineKeeper
    implements FixedKeyProcessor<String, InstanceSignal, InstanceSignal> {

  /** Each series' buckets that have ended for good, in RocksDB. */
  public static final String BASELINES = "instance-baselines";

  /** Each series' buckets that may still take data, in memory. */
  public static final String OPEN_BUCKETS = "instance-baseline-open-buckets";

  public static final String LIFECYCLES = "instance-lifecycles";

  private final BaselineSettings settings;
  private final int recentInstances;
  private FixedKeyProcessorContext<String, InstanceSignal> context;
  private KeyValueStore<String, SeriesBaseline> baselines;
  private KeyValueStore<String, SeriesBaseline> openBuckets;
  private RecentLifecycles lifecycles;

  /**
   * @param recentInstances instances whose lifecycle is held decoded, the most recently active
   */
  public BaselineKeeper(BaselineSettings settings, int recentInstances) {
    this.settings = settings;
    this.recentInstances = recentInstances;
  }

  /**
   * The store of final buckets: in RocksDB, as the baselines of a fleet (every metric and every
   * fingerprint of every instance, hours of buckets each) outgrow memory. A series is written here
   * once per bucket, when the bucket can take no more data ({@link #OPEN_BUCKETS} holds it until
   * then), and the rules read it for every window a signal updates. Kafka Streams' record cache
   * keeps the encoded series of the fleet's recent activity, so those reads seldom reach RocksDB,
   * and the last {@code heldSeries} series read are held decoded, so they seldom need decoding.
   * {@code legacyJson} reads baselines an earlier release stored.
   */
  public static StoreBuilder<KeyValueStore<String, SeriesBaseline>> storeBuilder(
      Deserializer<SeriesBaseline> legacyJson, int heldSeries) {
    return KeyValueStoreWithPendingWrites.builder(
            Stores.persistentKeyValueStore(BASELINES),
            Serdes.String(),
            new SeriesBaselineSerde(legacyJson),
            heldSeries)
        .withCachingEnabled();
  }

  /**
   * The store of open buckets: every datapoint and slow query changes one, so they are kept apart
   * from the series, whose changelog record is some 900 bytes at a 6-hour horizon against some 40
   * for an open bucket, and which would otherwise be rewritten in RocksDB at every commit. In
   * memory, restored from its changelog: one or two buckets per series of the fleet. Held decoded
   * until each commit ({@link KeyValueStoreWithPendingWrites}), and after it for the last {@code
   * heldSeries} series.
   */
  public static StoreBuilder<KeyValueStore<String, SeriesBaseline>> openBucketsStoreBuilder(
      Deserializer<SeriesBaseline> legacyJson, int heldSeries) {
    return KeyValueStoreWithPendingWrites.builder(
        Stores.inMemoryKeyValueStore(OPEN_BUCKETS),
        Serdes.String(),
        new SeriesBaselineSerde(legacyJson),
        heldSeries);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, InstanceSignal> context) {
    this.context = context;
    this.baselines = context.getStateStore(BASELINES);
    this.openBuckets = context.getStateStore(OPEN_BUCKETS);
    // A series that gets no more data (a fingerprint not run again) would hold its last bucket
    // open, in memory, for good: once a horizon of stream time, every ended bucket moves. (Rules
    // read open and ended buckets alike, so this is for memory only, and it reads and writes every
    // open bucket: not more often.)
    context.schedule(
        Duration.ofMillis(settings.horizonMillis()), PunctuationType.STREAM_TIME, this::closeEnded);
    this.lifecycles = new RecentLifecycles(context.getStateStore(LIFECYCLES), recentInstances);
  }

  @Override
  public void process(FixedKeyRecord<String, InstanceSignal> record) {
    String instance = record.key();
    InstanceSignal signal = record.value();
    InstanceLifecycle lifecycle = lifecycles.get(instance);
    if (signal.lifecycle() != null) {
      lifecycles.put(instance, onLifecycle(instance, lifecycle, signal.lifecycle()));
      // Passed on so that what reads the lifecycle downstream knows to read it again.
      context.forward(record);
      return;
    }
    // Data later than the grace would be dropped by the windows too; leaving it out keeps the
    // baseline a rule reads the same whatever order the data came in.
    boolean inGrace = signal.time() >= context.currentStreamTimeMs() - settings.graceMillis();
    if (inGrace && lifecycle.counts(signal.time())) {
      feed(instance, signal);
    }
    context.forward(record);
  }

  private InstanceLifecycle onLifecycle(
      String instance, InstanceLifecycle lifecycle, InstanceSignal.Lifecycle event) {
    long forgetBefore = event.time() - settings.horizonMillis();
    long settled = event.time() + settings.settleMillis();
    InstanceLifecycle next =
        switch (event.kind()) {
          case "FAILOVER_STARTED" ->
              lifecycle.exclude(event.time(), Long.MAX_VALUE, false, forgetBefore);
          case "FAILOVER_COMPLETED", "FAILOVER_FAILED" ->
              lifecycle.exclude(event.time(), settled, true, forgetBefore);
          case "RESTART", "REBOOT", "SHUTDOWN" ->
              lifecycle.exclude(event.time(), settled, false, forgetBefore);
          default -> lifecycle;
        };
    if (event.role() != null && !event.role().equals(lifecycle.role())) {
      // A writer turned reader (or the reverse) runs a different workload: its old normal is not.
      forgetSeries(instance);
      next = next.inRole(event.role(), event.time());
    }
    return next;
  }

  private void feed(String instance, InstanceSignal signal) {
    if (signal.metric() != null) {
      add(metricKey(instance, signal.metric().name()), signal.time(), signal.metric().value());
    } else if (signal.slowQuery() != null) {
      add(
          fingerprintKey(instance, signal.slowQuery().fingerprintHash()),
          signal.time(),
          signal.slowQuery().rowsExamined());
    }
  }

  private void add(String key, long time, double value) {
    SeriesBaseline open = openBuckets.get(key);
    if (open == null) {
      open = new SeriesBaseline();
    }
    open.add(time, value, settings.bucketMillis(), settings.horizonMillis());
    closeEnded(key, open, context.currentStreamTimeMs());
    openBuckets.put(key, open);
  }

  /** Moves every open bucket that takes no more data to its series. */
  private void closeEnded(long streamTime) {
    List<KeyValue<String, SeriesBaseline>> all = new ArrayList<>();
    try (KeyValueIterator<String, SeriesBaseline> open = openBuckets.all()) {
      open.forEachRemaining(all::add);
    }
    for (KeyValue<String, SeriesBaseline> open : all) {
      closeEnded(open.key, open.value, streamTime);
    }
  }

  /**
   * Moves {@code open}'s buckets that ended before the grace, which take no more data (see
   * process), to the series; the series is so written once per bucket, not for every signal. Keeps
   * what is left open, or forgets the key when nothing is.
   */
  private void closeEnded(String key, SeriesBaseline open, long streamTime) {
    SeriesBaseline ended =
        open.takeBucketsEndingBy(streamTime - settings.graceMillis(), settings.bucketMillis());
    if (ended == null) {
      return;
    }
    SeriesBaseline series = baselines.get(key);
    baselines.put(
        key,
        (series == null ? new SeriesBaseline() : series)
            .absorb(ended, settings.bucketMillis(), settings.horizonMillis()));
    if (open.isEmpty()) {
      openBuckets.delete(key);
    } else {
      openBuckets.put(key, open);
    }
  }

  private void forgetSeries(String instance) {
    for (KeyValueStore<String, SeriesBaseline> store : List.of(baselines, openBuckets)) {
      List<String> keys = new ArrayList<>();
      try (KeyValueIterator<String, SeriesBaseline> series =
          store.prefixScan(instance + "|", new StringSerializer())) {
        while (series.hasNext()) {
          keys.add(series.next().key);
        }
      }
      keys.forEach(store::delete);
    }
  }

  static String metricKey(String instance, String metric) {
    return instance + "|m|" + metric;
  }

  static String fingerprintKey(String instance, long fingerprintHash) {
    return instance + "|f|" + fingerprintHash;
  }
}
