package io.precursor.ingest.history;

import io.precursor.ingest.logs.LogBatch;
import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.metrics.AwsRetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Reads a past window of a log group with FilterLogEvents, every page until no {@code nextToken} (a
 * page may be empty and still have one), and hands the events on as batches of one log stream each,
 * in the order CloudWatch interleaved them; the stream names the DB instance (FACTS 2.2).
 */
public final class LogGroupHistory {

  public static final String OPERATION = "FilterLogEvents";

  private final CloudWatchLogsClient logs;
  private final AwsRetry retry;

  public LogGroupHistory(CloudWatchLogsClient logs, AwsRetry retry) {
    this.logs = logs;
    this.retry = retry;
  }

  /**
   * Reads {@code [from, to)} of {@code logGroup}.
   *
   * @param streams the log streams to read, or empty for all
   * @param batches gets each page's events, a batch per run of one stream, and the page number
   * @return the FilterLogEvents requests made
   */
  public int read(
      String logGroup,
      List<String> streams,
      Instant from,
      Instant to,
      PageConsumer batches,
      AwsRetry.Listener listener) {
    // FilterLogEvents includes both ends of its window; ours ends before `to`.
    FilterLogEventsRequest.Builder request =
        FilterLogEventsRequest.builder()
            .logGroupName(logGroup)
            .startTime(from.toEpochMilli())
            .endTime(to.toEpochMilli() - 1);
    if (!streams.isEmpty()) {
      request.logStreamNames(streams);
    }
    int pages = 0;
    String nextToken = null;
    do {
      FilterLogEventsRequest page = request.nextToken(nextToken).build();
      FilterLogEventsResponse response =
          retry.call(OPERATION, () -> logs.filterLogEvents(page), listener);
      pages++;
      int number = pages;
      batchesOf(logGroup, response.events()).forEach(b -> batches.accept(b, number));
      nextToken = response.nextToken();
    } while (nextToken != null && !nextToken.isEmpty());
    return pages;
  }

  /** Gets the batches of a page, with the page's number (1-based) for dead-letter references. */
  @FunctionalInterface
  public interface PageConsumer {
    void accept(LogBatch batch, int page);
  }

  /** Splits a page into runs of consecutive events of one stream, keeping their order. */
  static List<LogBatch> batchesOf(String logGroup, List<FilteredLogEvent> events) {
    List<LogBatch> batches = new ArrayList<>();
    String stream = null;
    List<LogEvent> run = new ArrayList<>();
    for (FilteredLogEvent event : events) {
      String eventStream = event.logStreamName() == null ? "" : event.logStreamName();
      if (!eventStream.equals(stream) && !run.isEmpty()) {
        batches.add(new LogBatch(logGroup, stream, run));
        run = new ArrayList<>();
      }
      stream = eventStream;
      run.add(
          new LogEvent(
              event.eventId() == null ? "" : event.eventId(),
              event.timestamp() == null ? 0 : event.timestamp(),
              event.message() == null ? "" : event.message()));
    }
    if (!run.isEmpty()) {
      batches.add(new LogBatch(logGroup, stream, run));
    }
    return batches;
  }
}
