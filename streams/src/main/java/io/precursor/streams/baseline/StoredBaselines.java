package io.precursor.streams.baseline;

import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One instance's baselines as of a moment, read from the stores {@link BaselineKeeper} keeps: only
 * buckets that ended by then count, so a window never compares itself with itself.
 */
public final class StoredBaselines implements Baselines {

  private final Function<String, SeriesBaseline> baselines;
  private final Function<String, SeriesBaseline> openBuckets;
  private final String instance;
  private final InstanceLifecycle lifecycle;
  private final long asOf;
  private final BaselineSettings settings;
  private final KnownLevels levels;
  // The buckets a level reads: those starting within [asOf - horizon, asOf - bucket].
  private final long firstBucket;
  private final long lastBucket;

  public StoredBaselines(
      ReadOnlyKeyValueStore<String, SeriesBaseline> baselines,
      ReadOnlyKeyValueStore<String, SeriesBaseline> openBuckets,
      ReadOnlyKeyValueStore<String, InstanceLifecycle> lifecycles,
      String instance,
      long asOf,
      BaselineSettings settings) {
    this(
        baselines::get,
        openBuckets::get,
        lifecycles.get(instance),
        instance,
        asOf,
        settings,
        new KnownLevels());
  }

  /**
   * The same from series already looked up: {@code baselines} gives a key's series of ended buckets
   * or null, {@code openBuckets} its buckets still open or null, and {@code lifecycle} is the
   * instance's, or null when none is known. {@code levels} keeps the levels worked out, for readers
   * of the same lifecycle at other moments (see {@link KnownLevels}).
   */
  public StoredBaselines(
      Function<String, SeriesBaseline> baselines,
      Function<String, SeriesBaseline> openBuckets,
      InstanceLifecycle lifecycle,
      String instance,
      long asOf,
      BaselineSettings settings,
      KnownLevels levels) {
    this.baselines = baselines;
    this.openBuckets = openBuckets;
    this.instance = instance;
    this.lifecycle = lifecycle == null ? InstanceLifecycle.fresh() : lifecycle;
    this.asOf = asOf;
    this.settings = settings;
    this.levels = levels;
    long bucket = settings.bucketMillis();
    this.firstBucket = -Math.floorDiv(-(asOf - settings.horizonMillis()), bucket) * bucket;
    this.lastBucket = Math.floorDiv(asOf - bucket, bucket) * bucket;
  }

  @Override
  public Optional<Level> metric(String name) {
    return levels.metric(
        name, firstBucket, lastBucket, () -> levelNow(BaselineKeeper.metricKey(instance, name)));
  }

  @Override
  public Optional<Level> rowsExaminedPerExecution(long fingerprintHash) {
    return levels.rowsExaminedPerExecution(
        fingerprintHash,
        firstBucket,
        lastBucket,
        () -> levelNow(BaselineKeeper.fingerprintKey(instance, fingerprintHash)));
  }

  private Optional<Level> levelNow(String key) {
    SeriesBaseline stored = baselines.apply(key);
    SeriesBaseline open = openBuckets.apply(key);
    if (stored == null && open == null) {
      return Optional.empty();
    }
    return SeriesBaseline.level(
        stored,
        open,
        asOf,
        settings.bucketMillis(),
        settings.horizonMillis(),
        settings.minBuckets(),
        lifecycle.since(),
        lifecycle.excluded());
  }
}
