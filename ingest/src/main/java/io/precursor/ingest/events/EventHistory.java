package io.precursor.ingest.events;

import io.precursor.ingest.files.InstanceClusters;
import io.precursor.ingest.metrics.AwsRetry;
import io.precursor.schemas.DbEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeEventsResponse;
import software.amazon.awssdk.services.rds.model.Event;
import software.amazon.awssdk.services.rds.model.SourceType;

/**
 * Reads the RDS events of a past window with DescribeEvents, every page of every source type, and
 * hands each on as the poller would classify it (RDS keeps events for 14 days, FACTS 3).
 */
public final class EventHistory {

  /** An event that could not be read, with the reason. */
  @FunctionalInterface
  public interface Unreadable {
    void event(String source, String reason, Event event);
  }

  private final RdsClient rds;
  private final AwsRetry retry;
  private final List<SourceType> sourceTypes;
  private final int pageSize;

  public EventHistory(RdsClient rds, AwsRetry retry, List<SourceType> sourceTypes, int pageSize) {
    this.rds = rds;
    this.retry = retry;
    this.sourceTypes = List.copyOf(sourceTypes);
    this.pageSize = pageSize;
  }

  /**
   * Reads {@code [from, to]} (DescribeEvents includes both ends).
   *
   * @param clusters the clusters of DB instances, for instance events
   * @return the DescribeEvents requests made
   */
  public int read(
      Instant from,
      Instant to,
      InstanceClusters clusters,
      Consumer<DbEvent> events,
      Unreadable unreadable,
      AwsRetry.Listener listener) {
    return readEvents(
        from,
        to,
        listener,
        (sourceType, event) -> {
          try {
            events.accept(DescribedEvents.toDbEvent(event, clusters));
          } catch (IllegalArgumentException e) {
            unreadable.event(
                "rds:DescribeEvents:" + sourceType + "@" + from, e.getMessage(), event);
          }
        });
  }

  /**
   * Every event of {@code [from, to]} as DescribeEvents gives it, with the source type asked for,
   * page by page, throttling retried.
   *
   * @return the DescribeEvents requests made
   */
  int readEvents(
      Instant from, Instant to, AwsRetry.Listener listener, BiConsumer<SourceType, Event> events) {
    int requests = 0;
    for (SourceType sourceType : sourceTypes) {
      String marker = null;
      do {
        String page = marker;
        DescribeEventsResponse response =
            retry.call(
                "DescribeEvents",
                () ->
                    rds.describeEvents(
                        r ->
                            r.sourceType(sourceType)
                                .startTime(from)
                                .endTime(to)
                                .maxRecords(pageSize)
                                .marker(page)),
                listener);
        requests++;
        for (Event event : response.events()) {
          events.accept(sourceType, event);
        }
        marker = response.marker();
      } while (marker != null && !marker.isEmpty());
    }
    return requests;
  }
}
