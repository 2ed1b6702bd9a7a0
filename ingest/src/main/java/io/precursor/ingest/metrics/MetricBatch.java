package io.precursor.ingest.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * The series of one GetMetricData request, each under a query id unique within it ({@code q0},
 * {@code q1}, ...), since results name only the id.
 *
 * @param seriesById series by query id, in query order
 */
record MetricBatch(Map<String, MetricSeries> seriesById) {

  /** CloudWatch's limit on queries per request (FACTS 4.1). */
  static final int MAX_QUERIES = 500;

  /** CloudWatch's limit on datapoints per request (FACTS 4.1). */
  static final int MAX_DATAPOINTS = 100_800;

  MetricBatch {
    seriesById = Collections.unmodifiableMap(new LinkedHashMap<>(seriesById));
  }

  /**
   * Splits {@code series} into requests of at most {@code maxQueries} queries, fewer when a window
   * of {@code window} at {@code period} would pass CloudWatch's datapoint limit.
   */
  static List<MetricBatch> plan(
      List<MetricSeries> series, int maxQueries, Duration window, Duration period) {
    if (maxQueries < 1 || maxQueries > MAX_QUERIES) {
      throw new IllegalArgumentException("queries per request must be 1.." + MAX_QUERIES);
    }
    long pointsPerSeries = Math.max(1, ceilDiv(window.toSeconds(), period.toSeconds()));
    int perRequest = (int) Math.max(1, Math.min(maxQueries, MAX_DATAPOINTS / pointsPerSeries));
    List<MetricBatch> batches = new ArrayList<>();
    for (int from = 0; from < series.size(); from += perRequest) {
      Map<String, MetricSeries> byId = new LinkedHashMap<>();
      List<MetricSeries> slice = series.subList(from, Math.min(series.size(), from + perRequest));
      for (int i = 0; i < slice.size(); i++) {
        byId.put("q" + i, slice.get(i));
      }
      batches.add(new MetricBatch(byId));
    }
    return batches;
  }

  /** The request for {@code [start, end)}, continuing at {@code nextToken} when not null. */
  GetMetricDataRequest request(Instant start, Instant end, Duration period, String nextToken) {
    List<MetricDataQuery> queries = new ArrayList<>(seriesById.size());
    seriesById.forEach(
        (id, series) ->
            queries.add(
                MetricDataQuery.builder()
                    .id(id)
                    .metricStat(series.metricStat(period))
                    .returnData(true)
                    .build()));
    return GetMetricDataRequest.builder()
        .metricDataQueries(queries)
        .startTime(start)
        .endTime(end)
        .nextToken(nextToken)
        .build();
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
