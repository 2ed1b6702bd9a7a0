package io.precursor.scenarios.awscli;

import io.precursor.scenarios.logs.LazyIterator;
import io.precursor.scenarios.logs.LogEvent;
import io.precursor.scenarios.logs.LogSource;
import io.precursor.scenarios.shape.Seeds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Groups one log stream's events into subscription records the way CloudWatch Logs delivers them:
 * the events of a few seconds together, arriving in Kinesis about a second after the last one.
 */
public final class SubscriptionBatcher extends LazyIterator<SubscriptionRecord> {

  /** Well under Kinesis's 1 MiB record limit, before compression. */
  static final int MAX_MESSAGE_BYTES = 256 * 1024;

  static final int MAX_EVENTS = 500;

  private final LogSource source;
  private final int streamOrdinal;
  private final Iterator<LogEvent> events;
  private final long flushMillis;
  private final long seed;
  private LogEvent pending;
  private long nextOrdinal;
  private Instant lastArrival = Instant.MIN;

  public SubscriptionBatcher(LogSource source, int streamOrdinal, Duration flushWindow, long seed) {
    this.source = source;
    this.streamOrdinal = streamOrdinal;
    this.events = source.events();
    this.flushMillis = flushWindow.toMillis();
    this.seed = seed;
  }

  @Override
  protected SubscriptionRecord computeNext() {
    LogEvent first = pending != null ? pending : (events.hasNext() ? events.next() : null);
    pending = null;
    if (first == null) {
      return null;
    }
    List<LogEvent> batch = new ArrayList<>();
    batch.add(first);
    int bytes = size(first);
    Instant windowEnd = first.timestamp().plusMillis(flushMillis);
    while (events.hasNext()) {
      LogEvent next = events.next();
      int nextBytes = size(next);
      if (!next.timestamp().isBefore(windowEnd)
          || batch.size() == MAX_EVENTS
          || bytes + nextBytes > MAX_MESSAGE_BYTES) {
        pending = next;
        break;
      }
      batch.add(next);
      bytes += nextBytes;
    }
    long firstOrdinal = nextOrdinal;
    nextOrdinal += batch.size();
    LogEvent last = batch.get(batch.size() - 1);
    long delayMillis = 600 + (long) (900 * Seeds.uniform(seed, firstOrdinal));
    Instant arrival = last.timestamp().plusMillis(delayMillis);
    if (!arrival.isAfter(lastArrival)) {
      arrival = lastArrival.plusMillis(1);
    }
    lastArrival = arrival;
    return new SubscriptionRecord(source.stream(), streamOrdinal, firstOrdinal, arrival, batch);
  }

  private static int size(LogEvent event) {
    // CloudWatch counts UTF-8 message bytes plus 26 bytes per event.
    return event.message().getBytes(StandardCharsets.UTF_8).length + 26;
  }
}
