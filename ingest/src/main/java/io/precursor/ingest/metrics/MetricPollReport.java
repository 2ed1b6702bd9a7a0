package io.precursor.ingest.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one metric poll did: what it asked for, what CloudWatch answered, what was published, and
 * how far behind the newest datapoint was.
 *
 * @param start start of the window read (inclusive)
 * @param end end of the window read (exclusive)
 * @param series series queried
 * @param requests GetMetricData requests answered, pages included
 * @param datapoints datapoints CloudWatch returned
 * @param published records published, revisions included
 * @param revisions datapoints published again because CloudWatch changed their value
 * @param duplicatesDropped datapoints already published with the same value
 * @param throttles calls CloudWatch or RDS throttled and that were retried
 * @param serverErrors calls that failed with a 5xx or could not connect and were retried
 * @param failedQueries query results CloudWatch could not complete (StatusCode InternalError or
 *     Forbidden) or that answered no query asked, plus requests that failed after their retries;
 *     the next poll reads their window again
 * @param lag time from the newest datapoint read to the poll, empty when none was read
 * @param remembered datapoints kept in memory to drop duplicates next time
 */
public record MetricPollReport(
    Instant start,
    Instant end,
    int series,
    int requests,
    long datapoints,
    long published,
    long revisions,
    long duplicatesDropped,
    int throttles,
    int serverErrors,
    int failedQueries,
    Optional<Duration> lag,
    int remembered) {

  @Override
  public String toString() {
    return String.format(
        "metric poll [%s, %s): %d series in %d requests, %d datapoints, %d published (%d"
            + " revisions), %d duplicates dropped, %d throttled, %d server errors, %d failed"
            + " queries, lag %s, %d remembered",
        start,
        end,
        series,
        requests,
        datapoints,
        published,
        revisions,
        duplicatesDropped,
        throttles,
        serverErrors,
        failedQueries,
        lag.map(Duration::toString).orElse("n/a"),
        remembered);
  }
}
