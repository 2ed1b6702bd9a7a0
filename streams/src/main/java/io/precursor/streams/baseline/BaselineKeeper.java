package io.precursor.streams.baseline;

import io.precursor.streams.window.InstanceSignal;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
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

  public static final String BASELINES = "instance-baselines";
  public static final String LIFECYCLES = "instance-lifecycles";

  private final BaselineSettings settings;
  private final int recentInstances;
  private FixedKeyProcessorContext<String, InstanceSignal> context;
  private KeyValueStore<String, SeriesBaseline> baselines;
  private RecentLifecycles lifecycles;

  /**
   * @param recentInstances instances whose lifecycle is held decoded, the most recently active
   */
  public BaselineKeeper(BaselineSettings settings, int recentInstances) {
    this.settings = settings;
    this.recentInstances = recentInstances;
  }

  /**
   * The baseline store: in RocksDB, as the baselines of a fleet (every metric and every fingerprint
   * of every instance, hours of buckets each) outgrow memory. Every signal rewrites a series and
   * the rules read it again, so the store holds the changed series decoded until the task commits
   * and then writes each once ({@link KeyValueStoreWithPendingWrites}). Under it, Kafka Streams'
   * record cache keeps the encoded series of the fleet's recent activity, so reading a series not
   * changed since the last commit seldom reaches RocksDB. {@code legacyJson} reads baselines an
   * earlier release stored.
   */
  public static StoreBuilder<KeyValueStore<String, SeriesBaseline>> storeBuilder(
      Deserializer<SeriesBaseline> legacyJson) {
    return KeyValueStoreWithPendingWrites.builder(
            Stores.persistentKeyValueStore(BASELINES),
            Serdes.String(),
            new SeriesBaselineSerde(legacyJson))
        .withCachingEnabled();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, InstanceSignal> context) {
    this.context = context;
    this.baselines = context.getStateStore(BASELINES);
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
    SeriesBaseline series = baselines.get(key);
    if (series == null) {
      series = new SeriesBaseline();
    }
    baselines.put(key, series.add(time, value, settings.bucketMillis(), settings.horizonMillis()));
  }

  private void forgetSeries(String instance) {
    List<String> keys = new java.util.ArrayList<>();
    try (KeyValueIterator<String, SeriesBaseline> series =
        baselines.prefixScan(instance + "|", new StringSerializer())) {
      while (series.hasNext()) {
        KeyValue<String, SeriesBaseline> next = series.next();
        keys.add(next.key);
      }
    }
    keys.forEach(baselines::delete);
  }

  static String metricKey(String instance, String metric) {
    return instance + "|m|" + metric;
  }

  static String fingerprintKey(String instance, long fingerprintHash) {
    return instance + "|f|" + fingerprintHash;
  }
}
