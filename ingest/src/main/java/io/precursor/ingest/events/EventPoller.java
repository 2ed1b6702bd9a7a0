package io.precursor.ingest.events;

import io.precursor.ingest.files.InstanceClusters;
import io.precursor.ingest.metrics.AwsRetry;
import io.precursor.ingest.metrics.FleetDiscovery;
import io.precursor.ingest.metrics.FleetShare;
import io.precursor.ingest.metrics.PollOutput;
import io.precursor.ingest.metrics.PollTotals;
import io.precursor.ingest.metrics.Poller;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventSourceType;
import io.precursor.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Event;

/**
 * Polls RDS DescribeEvents for DB cluster and DB instance events since the last poll and publishes
 * each new one, classified, as a {@link DbEvent} keyed by its source identifier.
 *
 * <p>Each poll reads from the overlap before where the previous one stopped to now, every page of
 * every source type, then publishes the events it has not seen (same source, time and message),
 * oldest first, and moves its position on only once Kafka acknowledged them. A poll that fails
 * publishes nothing and the next one reads the same window again. DescribeEvents lists the whole
 * region, so every replica reads it and keeps the sources its {@link FleetShare} owns.
 */
public final class EventPoller implements Poller<EventPollReport> {

  private static final Logger LOG = LoggerFactory.getLogger(EventPoller.class);

  private final EventHistory history;
  private final FleetShare share;
  private final Topic<String, DbEvent> topic;
  private final PollOutput output;
  private final Clock clock;
  private final EventPosition position;
  private final ClusterMembership membership;
  private volatile EventPollReport lastReport;
  private final PollTotals totals = new PollTotals();

  /**
   * @param position where to continue, e.g. {@link #resumePosition}
   * @param output where events go; one per poller, not shared between threads
   */
  public EventPoller(
      EventPollerConfig config,
      FleetShare share,
      RdsClient rds,
      AwsRetry retry,
      Topic<String, DbEvent> topic,
      PollOutput output,
      Clock clock,
      EventPosition position) {
    // DescribeEvents pages are read as a replay from AWS reads them.
    this.history = new EventHistory(rds, retry, config.sourceTypes(), config.pageSize());
    this.share = share;
    this.topic = topic;
    this.output = output;
    this.clock = clock;
    this.position = position;
    FleetDiscovery discovery =
        config.discoverClusters()
            ? new FleetDiscovery(rds, retry, List.of(), Map.of(), Set.of())
            : null;
    this.membership = new ClusterMembership(config.instanceClusters(), discovery, clock);
  }

  /**
   * Where a poller of {@code share} continues: after the newest event it published, read back from
   * the topic over RDS's 14-day retention, or {@code start.lookback} before now when there is none.
   */
  public static EventPosition resumePosition(
      EventPollerConfig config, FleetShare share, PublishedEvents published, Clock clock) {
    Instant now = clock.instant();
    List<DbEvent> events = published.since(now.minus(EventPollerConfig.RDS_RETENTION));
    EventPosition position =
        EventPosition.after(events, share, now.minus(config.startLookback()), config.overlap());
    LOG.info(
        "RDS event poll continues from {} ({} events on {} read back)",
        position.readUntil(),
        events.size(),
        published);
    return position;
  }

  /**
   * Reads the events since the last poll and publishes the new ones; returns once Kafka
   * acknowledged them.
   */
  @Override
  public EventPollReport poll() {
    // RDS dates events to the millisecond; so is the window, and hence the position.
    Instant end = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant oldest = end.minus(EventPollerConfig.RDS_RETENTION);
    Instant start = position.nextStart().isBefore(oldest) ? oldest : position.nextStart();
    Tally tally = new Tally();
    List<Event> read = new ArrayList<>();
    tally.requests += history.readEvents(start, end, tally, (sourceType, event) -> read.add(event));
    tally.received = read.size();
    InstanceClusters clusters = membership.clustersFor(newestOwnedInstanceEvents(read), tally);
    List<DbEvent> fresh = new ArrayList<>();
    Set<EventKey> keys = new HashSet<>();
    for (Event event : read) {
      DbEvent dbEvent;
      try {
        dbEvent = DescribedEvents.toDbEvent(event, clusters);
      } catch (IllegalArgumentException e) {
        tally.unreadable++;
        output.deadLetter(
            "rds:DescribeEvents:" + event.sourceTypeAsString() + "@" + start,
            e.getMessage(),
            e,
            event.toString().getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (!share.owns(dbEvent.getSourceId())) {
        tally.othersShare++;
        continue;
      }
      EventKey key = EventKey.of(dbEvent);
      if (position.seen(key) || !keys.add(key)) {
        tally.duplicates++;
        continue;
      }
      if (dbEvent.getSourceType() == DbEventSourceType.DB_INSTANCE
          && dbEvent.getCluster() == null) {
        tally.withoutCluster++;
      }
      fresh.add(dbEvent);
    }
    fresh.sort(Comparator.comparing(DbEvent::getTime));
    for (DbEvent event : fresh) {
      output.publish(topic, event.getSourceId(), event, event.getTime());
    }
    output.awaitAcknowledged();
    position.advance(end, keys);
    EventPollReport report =
        new EventPollReport(
            start,
            end,
            tally.requests,
            tally.received,
            fresh.size(),
            tally.duplicates,
            tally.othersShare,
            tally.unreadable,
            tally.throttles,
            tally.serverErrors,
            position.remembered(),
            tally.withoutCluster);
    LOG.info("{}", report);
    lastReport = report;
    totals.add(report);
    return report;
  }

  /** Each DB instance of this replica's share that events name, with its newest event's time. */
  private Map<String, Instant> newestOwnedInstanceEvents(List<Event> events) {
    Map<String, Instant> newest = new HashMap<>();
    for (Event event : events) {
      if ("db-instance".equals(event.sourceTypeAsString())
          && event.sourceIdentifier() != null
          && event.date() != null
          && share.owns(event.sourceIdentifier())) {
        newest.merge(event.sourceIdentifier(), event.date(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return newest;
  }

  /** What every poll so far did. */
  @Override
  public PollTotals totals() {
    return totals;
  }

  /** The report of the last poll that completed, or null before the first. */
  @Override
  public EventPollReport lastReport() {
    return lastReport;
  }

  /** Counts of one poll; also told of every retry. */
  private static final class Tally implements AwsRetry.Listener {
    int requests;
    int received;
    int duplicates;
    int othersShare;
    int unreadable;
    int throttles;
    int serverErrors;
    int withoutCluster;

    @Override
    public void retrying(String operation, AwsRetry.Cause cause, int attempt, Duration backoff) {
      if (cause == AwsRetry.Cause.THROTTLED) {
        throttles++;
      } else {
        serverErrors++;
      }
    }
  }
}
