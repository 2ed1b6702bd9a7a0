package io.precursor.streams.baseline;

import io.precursor.streams.window.RecentlyUsed;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The lifecycles of the most recently active instances, decoded, in front of the lifecycle store.
 * Every signal reads its instance's lifecycle twice (baseline keeper and rules), and the store
 * holds bytes: without this each read would decode JSON, or find nothing, for most instances never
 * had one.
 *
 * <p>Exact only while every change to the store goes through {@link #put} here or is followed by
 * {@link #forget}; started afresh at every (re)initialization, as the store may be restored.
 */
public final class RecentLifecycles {

  private final KeyValueStore<String, InstanceLifecycle> store;
  private final Map<String, InstanceLifecycle> recent;

  public RecentLifecycles(KeyValueStore<String, InstanceLifecycle> store, int maxInstances) {
    this.store = store;
    this.recent = RecentlyUsed.map(maxInstances);
  }

  /** The instance's lifecycle, {@link InstanceLifecycle#fresh()} when it has none. */
  public InstanceLifecycle get(String instance) {
    InstanceLifecycle known = recent.get(instance);
    if (known == null) {
      known = store.get(instance);
      if (known == null) {
        known = InstanceLifecycle.fresh();
      }
      recent.put(instance, known);
    }
    return known;
  }

  public void put(String instance, InstanceLifecycle lifecycle) {
    store.put(instance, lifecycle);
    recent.put(instance, lifecycle);
  }

  /** Read the instance's lifecycle from the store next time: it was changed elsewhere. */
  public void forget(String instance) {
    recent.remove(instance);
  }
}
