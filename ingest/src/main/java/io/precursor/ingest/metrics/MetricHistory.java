package io.precursor.ingest.metrics;

import io.precursor.schemas.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads a past window of AWS/RDS series with GetMetricData, as the poller builds its queries
 * ({@link MetricBatch}: at most 500 queries and 100,800 datapoints per request, each paged with
 * {@code NextToken}), and hands each datapoint on once as a {@link MetricSample}, oldest first per
 * series.
 */
public final class MetricHistory {

  /** What could not be read: a series CloudWatch would not answer for, with the reason. */
  @FunctionalInterface
  public interface Unreadable {
    void series(MetricSeries series, String reason);
  }

  private final CloudWatchClient cloudWatch;
  private final AwsRetry retry;
  private final int queriesPerRequest;

  public MetricHistory(CloudWatchClient cloudWatch, AwsRetry retry, int queriesPerRequest) {
    this.cloudWatch = cloudWatch;
    this.retry = retry;
    this.queriesPerRequest = queriesPerRequest;
  }

  /**
   * Reads {@code [from, to)} of {@code series} at one-minute resolution (RDS's finest, FACTS 4.3).
   *
   * @param listener told of each retry, e.g. to count throttles
   * @return the GetMetricData requests made
   */
  public int read(
      List<MetricSeries> series,
      Instant from,
      Instant to,
      Consumer<MetricSample> samples,
      Unreadable unreadable,
      AwsRetry.Listener listener) {
    Duration period = MetricPollerConfig.PERIOD;
    int requests = 0;
    for (MetricBatch batch :
        MetricBatch.plan(series, queriesPerRequest, Duration.between(from, to), period)) {
      Map<MetricSeries, NavigableMap<Instant, Double>> read = new java.util.LinkedHashMap<>();
      String nextToken = null;
      do {
        var request = batch.request(from, to, period, nextToken);
        GetMetricDataResponse response =
            retry.call("GetMetricData", () -> cloudWatch.getMetricData(request), listener);
        requests++;
        for (MetricDataResult result : response.metricDataResults()) {
          MetricSeries one = batch.seriesById().get(result.id());
          if (one == null) {
            continue; // an id that was not asked for names no series
          }
          if (result.statusCode() == StatusCode.INTERNAL_ERROR
              || result.statusCode() == StatusCode.FORBIDDEN) {
            unreadable.series(
                one,
                "GetMetricData answered " + result.statusCodeAsString() + " " + result.messages());
            continue;
          }
          if (result.timestamps().size() != result.values().size()) {
            unreadable.series(
                one,
                "GetMetricData gave "
                    + result.timestamps().size()
                    + " timestamps and "
                    + result.values().size()
                    + " values");
            continue;
          }
          NavigableMap<Instant, Double> points = read.computeIfAbsent(one, s -> new TreeMap<>());
          for (int i = 0; i < result.timestamps().size(); i++) {
            points.put(result.timestamps().get(i), result.values().get(i));
          }
        }
        nextToken = response.nextToken();
      } while (nextToken != null && !nextToken.isEmpty());
      read.forEach(
          (one, points) ->
              points.forEach(
                  (time, value) -> samples.accept(one.sample(time, value, period, false))));
    }
    return requests;
  }
}
