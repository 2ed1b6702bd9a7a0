package io.precursor.ingest.digest;

import io.precursor.ingest.slowlog.GarbledSlowLogEntry;
import io.precursor.ingest.slowlog.QueryFingerprint;
import io.precursor.ingest.slowlog.SlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogItem;
import io.precursor.ingest.slowlog.SlowQueryParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads slow log files into a {@link SlowLogDigest} with the pipeline's own parser and fingerprint,
 * one entry at a time.
 *
 * <p>Parsing and fingerprinting are most of the work, so with more than one thread they run on a
 * pool, a batch of entries per task, while this thread reads ahead and adds finished batches to the
 * digest in file order: the report is the same whatever the number of threads. At most a few
 * batches per thread are in flight, so memory stays bounded whatever the file size.
 */
public final class SlowLogDigester implements AutoCloseable {

  private static final int BATCH_TEXTS = 256;
  private static final int BATCH_CHARS = 1 << 20;
  private static final int BATCHES_PER_THREAD = 4;

  private final SlowLogDigest digest;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final Deque<Future<List<ReadItem>>> inFlight = new ArrayDeque<>();
  private List<SlowLogText> batch = new ArrayList<>(BATCH_TEXTS);
  private int batchChars;
  // MySQL writes "use db;" only when the database changes, so an entry without one ran in the
  // database last named in its stream; pt-query-digest inherits it the same way.
  private final Map<String, String> databaseByStream = new HashMap<>();

  /** One parsed item, with its fingerprint when it is an entry. */
  private record ReadItem(SlowLogItem item, String fingerprint, SlowLogText source) {}

  /**
   * @param threads threads that parse and fingerprint; 1 does everything on the caller's thread
   */
  public SlowLogDigester(SlowLogDigest digest, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.digest = digest;
    this.maxInFlight = threads * BATCHES_PER_THREAD;
    this.pool =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                task -> {
                  Thread thread = new Thread(task, "digest-parser");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /** Reads one file into the digest and says which form it had. */
  public SlowLogFile.Format read(Path file) throws IOException {
    SlowLogFile.Format format = SlowLogFile.read(file, this::add);
    flush();
    return format;
  }

  /** Adds one piece of text; {@link #flush()} makes sure it reached the digest. */
  public void add(SlowLogText text) {
    batch.add(text);
    batchChars += text.text().length();
    if (batch.size() >= BATCH_TEXTS || batchChars >= BATCH_CHARS) {
      submit();
    }
  }

  /** Waits until everything added so far is in the digest. */
  public void flush() {
    if (!batch.isEmpty()) {
      submit();
    }
    while (!inFlight.isEmpty()) {
      addToDigest(inFlight.poll());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private void submit() {
    List<SlowLogText> texts = batch;
    batch = new ArrayList<>(BATCH_TEXTS);
    batchChars = 0;
    if (pool == null) {
      addAll(parse(texts));
      return;
    }
    inFlight.add(pool.submit(() -> parse(texts)));
    if (inFlight.size() >= maxInFlight) {
      addToDigest(inFlight.poll());
    }
  }

  private void addToDigest(Future<List<ReadItem>> parsed) {
    try {
      addAll(parsed.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the slow log", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading the slow log failed", e.getCause());
    }
  }

  private void addAll(List<ReadItem> items) {
    for (ReadItem read : items) {
      if (read.item() instanceof SlowLogEntry entry) {
        SlowLogText source = read.source();
        Instant time = entry.time() != null ? entry.time() : source.fallbackTime();
        String database = entry.database();
        if (database != null) {
          databaseByStream.put(source.stream(), database);
        } else {
          database = databaseByStream.get(source.stream());
        }
        digest.add(entry, read.fingerprint(), time, database);
      } else if (read.item() instanceof GarbledSlowLogEntry garbled) {
        digest.addUnreadable(garbled.reason());
      }
    }
  }

  private static List<ReadItem> parse(List<SlowLogText> texts) {
    SlowQueryParser parser = new SlowQueryParser();
    List<ReadItem> items = new ArrayList<>(texts.size());
    for (SlowLogText text : texts) {
      for (SlowLogItem item : parser.parse(text.text())) {
        String fingerprint =
            item instanceof SlowLogEntry entry ? QueryFingerprint.textOf(entry.statement()) : null;
        items.add(new ReadItem(item, fingerprint, text));
      }
    }
    return items;
  }
}
