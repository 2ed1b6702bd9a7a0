package io.precursor.streams.state;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.internals.MeteredStateStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A store that holds what is put into it, decoded, until its task commits, and then writes each
 * changed value once: the lifecycle the pane store and the baseline stores share.
 *
 * <p>How it stays exactly-once: it is the outermost store, the one its task registers (it passes
 * itself as root to the store it wraps), and a Kafka Streams 4.3 task preparing a commit calls
 * {@link #flushCache()} on every registered store, then flushes its record collector, then commits
 * the transaction (or the offsets). So the held values are written, and sent to the changelog,
 * inside the transaction that commits the input they came from. ({@link #commit(Map)}, once {@code
 * flush()}, comes only after the transaction and, under exactly-once, not at every commit.) A task
 * closed without a commit drops what it held: its transaction is aborted and its store restored
 * from the changelog, as for anything else the task changed.
 *
 * <p>Only the task's own thread may use it; interactive queries through {@code query} see the store
 * as of the last commit.
 *
 * @param <S> the store wrapped, Kafka Streams' own (metered, cached and logged as configured)
 */
public abstract class StoreWithPendingWrites<S extends StateStore, K, V>
    extends WrappedStateStore<S, K, V> implements MeteredStateStore {

  protected StoreWithPendingWrites(S wrapped) {
    super(wrapped);
  }

  /** Writes everything held to the wrapped store, then stops holding it as pending. */
  protected abstract void writeAll();

  /** Drops everything held: it is not, or may no longer be, what the store has. */
  protected abstract void forgetHeld();

  @Override
  public void init(StateStoreContext context, StateStore root) {
    forgetHeld(); // after a restore, nothing held from before is the store's
    super.init(context, root);
  }

  /** Writes what is held, before the store it wraps flushes its cache for the commit. */
  @Override
  public void flushCache() {
    writeAll();
    super.flushCache();
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    writeAll(); // nothing is held here when a commit flushed the cache first, as a task's does
    super.commit(changelogOffsets);
  }

  /** Drops what is held: the task's transaction is aborted, and its stores restored. */
  @Override
  public void clearCache() {
    forgetHeld();
    super.clearCache();
  }

  /** Drops what is held: closed without a commit, the task's changes are not kept. */
  @Override
  public void close() {
    forgetHeld();
    super.close();
  }

  @Override
  public void recordRestoreTime(long restoreTimeNs) {
    // Kafka Streams reports a restore's time only to the registered store, which this is.
    if (wrapped() instanceof MeteredStateStore metered) {
      metered.recordRestoreTime(restoreTimeNs);
    }
  }
}
