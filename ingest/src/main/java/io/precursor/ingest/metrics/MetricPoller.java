package io.precursor.ingest.metrics;

import io.precursor.schemas.MetricSample;
import io.precursor.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Polls CloudWatch GetMetricData for the fleet's AWS/RDS metrics and publishes each datapoint once
 * as a {@link MetricSample}, keyed by DB instance (or cluster).
 *
 * <p>Each poll reads the window from {@code overlap} before now to the start of the current minute,
 * so datapoints CloudWatch publishes late or revises are read again; a datapoint already published
 * with the same value is dropped, one with a new value is published again marked as a revision.
 * Series are split into requests of at most 500 queries, each paged with {@code NextToken}; a
 * request that still fails after its retries is logged and counted, and the next poll reads its
 * window again.
 */
public final class MetricPoller implements Poller<MetricPollReport> {

  private static final Logger LOG = LoggerFactory.getLogger(MetricPoller.class);

  private final CloudWatchClient cloudWatch;
  private final KnownFleet fleet;
  private final MetricCatalogue catalogue;
  private final FleetShare share;
  private final AwsRetry retry;
  private final Topic<String, MetricSample> topic;
  private final PollOutput output;
  private final Duration overlap;
  private final int queriesPerRequest;
  private final Clock clock;
  private final DatapointMemory memory = new DatapointMemory();
  private volatile MetricPollReport lastReport;
  private final PollTotals totals = new PollTotals();

  /**
   * @param rds the RDS client for discovery; may be null when {@code config} does not discover
   * @param output where samples go; one per poller, not shared between threads
   */
  public MetricPoller(
      MetricPollerConfig config,
      FleetShare share,
      CloudWatchClient cloudWatch,
      RdsClient rds,
      AwsRetry retry,
      Topic<String, MetricSample> topic,
      PollOutput output,
      Clock clock) {
    Fleet named = Fleet.of(config.clusters(), config.instances());
    FleetDiscovery discovery = null;
    if (config.discover()) {
      if (rds == null) {
        throw new IllegalArgumentException("discovery needs an RDS client");
      }
      discovery =
          new FleetDiscovery(
              rds, retry, config.discoverEngines(), config.discoverTags(), named.clusters());
    }
    this.fleet = new KnownFleet(named, discovery, config.discoverInterval(), clock);
    this.cloudWatch = cloudWatch;
    this.catalogue = config.catalogue();
    this.share = share;
    this.retry = retry;
    this.topic = topic;
    this.output = output;
    this.overlap = config.overlap();
    this.queriesPerRequest = config.queriesPerRequest();
    this.clock = clock;
  }

  /**
   * Where a restarted poller's first poll begins reading: what was published since then is read
   * back into {@link #remember}, so that poll drops it as duplicates.
   */
  public static Instant firstWindowStart(MetricPollerConfig config, Clock clock) {
    return floor(clock.instant().minus(config.overlap()), MetricPollerConfig.PERIOD);
  }

  /**
   * Takes samples already on the topic (from an earlier run) as published, so reading their window
   * again publishes only what is new or revised; in topic order, so a revision wins over the value
   * it revised.
   */
  public void remember(List<MetricSample> published) {
    for (MetricSample sample : published) {
      memory.remember(MetricSeries.of(sample), sample.getTime(), sample.getValue());
    }
  }

  /**
   * Reads the overlap window for the fleet's share of this replica and publishes what is new or
   * revised; returns once Kafka acknowledged it.
   *
   * @throws io.precursor.ingest.IngestPublishException when Kafka refused a record; the next poll
   *     publishes the whole window again
   */
  @Override
  public MetricPollReport poll() {
    Instant now = clock.instant();
    Duration period = MetricPollerConfig.PERIOD;
    Instant end = floor(now, period);
    Instant start = floor(now.minus(overlap), period);
    Tally tally = new Tally();
    List<MetricSeries> series = catalogue.series(fleet.current(tally), share);
    List<MetricBatch> batches =
        MetricBatch.plan(series, queriesPerRequest, Duration.between(start, end), period);
    RuntimeException lastFailure = null;
    int failedRequests = 0;
    try {
      for (MetricBatch batch : batches) {
        Map<MetricSeries, NavigableMap<Instant, Double>> read;
        try {
          read = read(batch, start, end, period, tally);
        } catch (RuntimeException e) {
          failedRequests++;
          lastFailure = e;
          LOG.warn(
              "GetMetricData for {} series failed after retries; the next poll reads [{}, {})"
                  + " again: {}",
              batch.seriesById().size(),
              start,
              end,
              e.toString());
          continue;
        }
        publish(read, period, tally);
      }
      output.awaitAcknowledged();
    } catch (RuntimeException e) {
      // Some of what was remembered never reached Kafka: publish the whole window again.
      memory.clear();
      throw e;
    }
    if (lastFailure != null && failedRequests == batches.size()) {
      throw lastFailure;
    }
    memory.forgetBefore(start);
    MetricPollReport report =
        new MetricPollReport(
            start,
            end,
            series.size(),
            tally.requests,
            tally.datapoints,
            tally.published,
            tally.revisions,
            tally.duplicates,
            tally.throttles,
            tally.serverErrors,
            tally.failedQueries + failedRequests,
            Optional.ofNullable(tally.newest).map(newest -> Duration.between(newest, now)),
            memory.size());
    LOG.info("{}", report);
    lastReport = report;
    totals.add(
        report.datapoints(),
        report.published(),
        report.duplicatesDropped(),
        report.throttles(),
        report.serverErrors(),
        report.lag());
    return report;
  }

  /** What every poll so far did. */
  @Override
  public PollTotals totals() {
    return totals;
  }

  /** The report of the last poll that completed, or null before the first. */
  @Override
  public MetricPollReport lastReport() {
    return lastReport;
  }

  /** Every datapoint of the batch's series, all pages read, oldest first per series. */
  private Map<MetricSeries, NavigableMap<Instant, Double>> read(
      MetricBatch batch, Instant start, Instant end, Duration period, Tally tally) {
    Map<MetricSeries, NavigableMap<Instant, Double>> read = new LinkedHashMap<>();
    String nextToken = null;
    do {
      var request = batch.request(start, end, period, nextToken);
      GetMetricDataResponse response =
          retry.call("GetMetricData", () -> cloudWatch.getMetricData(request), tally);
      tally.requests++;
      for (MetricDataResult result : response.metricDataResults()) {
        MetricSeries series = batch.seriesById().get(result.id());
        if (series == null) {
          tally.failedQueries++;
          LOG.warn("GetMetricData answered query id {}, which was not asked", result.id());
          continue;
        }
        if (result.statusCode() == StatusCode.INTERNAL_ERROR
            || result.statusCode() == StatusCode.FORBIDDEN) {
          tally.failedQueries++;
          LOG.warn(
              "GetMetricData could not read {} {} of {}: {} {}",
              series.statistic(),
              series.metric(),
              series.instance(),
              result.statusCodeAsString(),
              result.messages());
          continue;
        }
        List<Instant> timestamps = result.timestamps();
        List<Double> values = result.values();
        if (timestamps.size() != values.size()) {
          tally.failedQueries++;
          LOG.warn(
              "GetMetricData gave {} timestamps and {} values for {} of {}; skipped",
              timestamps.size(),
              values.size(),
              series.metric(),
              series.instance());
          continue;
        }
        NavigableMap<Instant, Double> points = read.computeIfAbsent(series, s -> new TreeMap<>());
        for (int i = 0; i < timestamps.size(); i++) {
          points.put(timestamps.get(i), values.get(i));
          tally.datapoints++;
          if (tally.newest == null || timestamps.get(i).isAfter(tally.newest)) {
            tally.newest = timestamps.get(i);
          }
        }
      }
      nextToken = response.nextToken();
    } while (nextToken != null && !nextToken.isEmpty());
    return read;
  }

  private void publish(
      Map<MetricSeries, NavigableMap<Instant, Double>> read, Duration period, Tally tally) {
    List<MetricSample> samples = new ArrayList<>();
    read.forEach(
        (series, points) ->
            points.forEach(
                (time, value) -> {
                  switch (memory.remember(series, time, value)) {
                    case NEW -> samples.add(series.sample(time, value, period, false));
                    case REVISION -> {
                      samples.add(series.sample(time, value, period, true));
                      tally.revisions++;
                    }
                    case DUPLICATE -> tally.duplicates++;
                  }
                }));
    for (MetricSample sample : samples) {
      output.publish(topic, sample.getInstance(), sample, sample.getTime());
      tally.published++;
    }
  }

  private static Instant floor(Instant instant, Duration period) {
    long seconds = period.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
  }

  /** Counts of one poll; also told of every retry. */
  private static final class Tally implements AwsRetry.Listener {
    int requests;
    long datapoints;
    long published;
    long revisions;
    long duplicates;
    int throttles;
    int serverErrors;
    int failedQueries;
    Instant newest;

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
