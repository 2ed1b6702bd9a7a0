package io.precursor.ingest.events;

import io.precursor.ingest.metrics.FleetShare;
import io.precursor.schemas.DbEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the RDS event poll stands: the time it has read events up to, and the events it has seen
 * since shortly before that, so that re-reading the overlap drops them. Only that overlap is
 * remembered.
 *
 * <p>After a restart the position comes back from Kafka, the source of truth: the newest event on
 * the db-events topic that this replica owns and that came from DescribeEvents (those carry no
 * EventID; EventBridge ones do), with every owned event of the overlap before it remembered as
 * seen, whatever its origin.
 */
public final class EventPosition {

  private final Duration overlap;
  private final Map<EventKey, Instant> seen = new HashMap<>();
  private Instant readUntil;

  private EventPosition(Instant readUntil, Duration overlap) {
    this.readUntil = readUntil;
    this.overlap = overlap;
  }

  /** A position that has read nothing, starting at {@code start}. */
  public static EventPosition startingAt(Instant start, Duration overlap) {
    return new EventPosition(start, overlap);
  }

  /**
   * The position after the events already on the topic, or {@code fallback} when none of them is
   * this replica's and from DescribeEvents.
   */
  public static EventPosition after(
      Collection<DbEvent> published, FleetShare share, Instant fallback, Duration overlap) {
    Instant newest = null;
    for (DbEvent event : published) {
      if (event.getEventId() == null
          && share.owns(event.getSourceId())
          && (newest == null || event.getTime().isAfter(newest))) {
        newest = event.getTime();
      }
    }
    EventPosition position = new EventPosition(newest != null ? newest : fallback, overlap);
    for (DbEvent event : published) {
      if (share.owns(event.getSourceId())) {
        position.seen.put(EventKey.of(event), event.getTime());
      }
    }
    position.forgetOld();
    return position;
  }

  /** Where the next poll starts reading: the overlap before what was read. */
  public Instant nextStart() {
    return readUntil.minus(overlap);
  }

  /** The time events have been read up to. */
  public Instant readUntil() {
    return readUntil;
  }

  boolean seen(EventKey key) {
    return seen.containsKey(key);
  }

  /** Records a poll up to {@code end} whose {@code published} events Kafka acknowledged. */
  void advance(Instant end, Collection<EventKey> published) {
    for (EventKey key : published) {
      seen.put(key, key.time());
    }
    if (end.isAfter(readUntil)) {
      readUntil = end;
    }
    forgetOld();
  }

  /** Events remembered to drop duplicates. */
  int remembered() {
    return seen.size();
  }

  private void forgetOld() {
    Instant start = nextStart();
    seen.values().removeIf(time -> time.isBefore(start));
  }
}
