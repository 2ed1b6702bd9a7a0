package io.precursor.ingest;

import io.precursor.ingest.SortedRun.Held;
import io.precursor.topics.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Holds what a batch of exported files yielded and hands it on in event-time order, so the streams
 * stage sees slow queries, datapoints and events interleaved as they happened rather than file by
 * file (which would make whole files arrive later than the windows' grace).
 *
 * <p>At most {@code maxHeld} records stay in memory: when that many are held they are sorted and
 * written to a run file, and {@link #flush()} merges the runs with what is still held. The order is
 * the same either way: by event time, ties in arrival order.
 */
final class TimeOrderedBuffer implements IngestSink, AutoCloseable {

  private static final Comparator<Held<?>> ORDER =
      Comparator.comparing((Held<?> h) -> h.time()).thenComparingLong(Held::order);

  private final IngestSink target;
  private final int maxHeld;
  private final Path spillDirectory;
  private final List<Held<?>> held = new ArrayList<>();
  private final List<SortedRun> runs = new ArrayList<>();
  private final SortedRun.Codec codec = new SortedRun.Codec();
  private long arrived;

  /** A buffer that holds everything in memory. */
  TimeOrderedBuffer(IngestSink target) {
    this(target, Integer.MAX_VALUE, null);
  }

  /**
   * @param maxHeld how many records to hold in memory before writing them to a run file
   * @param spillDirectory where run files go; deleted when merged or on {@link #close()}
   */
  TimeOrderedBuffer(IngestSink target, int maxHeld, Path spillDirectory) {
    if (maxHeld < 1) {
      throw new IllegalArgumentException("maxHeld must be at least 1, was " + maxHeld);
    }
    this.target = target;
    this.maxHeld = maxHeld;
    this.spillDirectory = spillDirectory;
  }

  @Override
  public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
    held.add(new Held<>(topic, key, value, eventTime, arrived++));
    if (held.size() >= maxHeld) {
      spill();
    }
  }

  @Override
  public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
    target.deadLetter(source, reason, error, raw);
  }

  /** Hands everything held and spilled to the target, earliest first (ties in arrival order). */
  void flush() {
    held.sort(ORDER);
    if (runs.isEmpty()) {
      held.forEach(h -> h.publishTo(target));
    } else {
      merge();
    }
    held.clear();
    closeRuns();
  }

  /** How many records are held in memory now. */
  int size() {
    return held.size();
  }

  /** How many run files have been written since the last flush. */
  int spilledRuns() {
    return runs.size();
  }

  /** Deletes the run files of a buffer that was not flushed. */
  @Override
  public void close() {
    held.clear();
    closeRuns();
  }

  private void spill() {
    if (spillDirectory == null) {
      return;
    }
    held.sort(ORDER);
    try {
      runs.add(SortedRun.write(spillDirectory, held, codec));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a sorted run into " + spillDirectory, e);
    }
    held.clear();
  }

  /** A k-way merge of the runs and the held records, each already in order. */
  private void merge() {
    record Head(Held<?> held, int input) {}
    PriorityQueue<Head> heads =
        new PriorityQueue<>(runs.size() + 1, Comparator.comparing(Head::held, ORDER));
    for (int i = 0; i < runs.size(); i++) {
      Held<?> first = runs.get(i).next();
      if (first != null) {
        heads.add(new Head(first, i));
      }
    }
    int inMemory = runs.size();
    int nextHeld = 0;
    if (!held.isEmpty()) {
      heads.add(new Head(held.get(nextHeld++), inMemory));
    }
    while (!heads.isEmpty()) {
      Head head = heads.poll();
      head.held().publishTo(target);
      Held<?> next;
      if (head.input() == inMemory) {
        next = nextHeld < held.size() ? held.get(nextHeld++) : null;
      } else {
        next = runs.get(head.input()).next();
      }
      if (next != null) {
        heads.add(new Head(next, head.input()));
      }
    }
  }

  private void closeRuns() {
    for (SortedRun run : runs) {
      try {
        run.close();
      } catch (IOException e) {
        // A run file left behind costs disk space in the temp folder, not correctness.
      }
    }
    runs.clear();
  }
}
