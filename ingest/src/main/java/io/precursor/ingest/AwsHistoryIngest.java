package io.precursor.ingest;

import io.precursor.ingest.events.EventHistory;
import io.precursor.ingest.files.InstanceClusters;
import io.precursor.ingest.history.AwsCallTally;
import io.precursor.ingest.history.HistoryRequest;
import io.precursor.ingest.history.LogGroupHistory;
import io.precursor.ingest.metrics.Fleet;
import io.precursor.ingest.metrics.FleetShare;
import io.precursor.ingest.metrics.MetricCatalogue;
import io.precursor.ingest.metrics.MetricHistory;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventSourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ingests a past window straight from AWS — the slow query and error log groups through
 * FilterLogEvents, the fleet's metrics through GetMetricData, RDS events through DescribeEvents —
 * into the same records, in the same event-time order, as {@link ExportIngest} makes of the AWS CLI
 * exports of that window.
 *
 * <p>The logs are read first: their log streams name the DB instances (and their groups the
 * cluster) whose metrics are then read, together with the instance asked for and the instances that
 * RDS events name.
 */
public final class AwsHistoryIngest {

  private final io.precursor.topics.Topics topics;
  private final SubscriptionIngest logIngest;
  private final IngestCounters counters;
  private final LogGroupHistory logs;
  private final MetricHistory metrics;
  private final MetricCatalogue catalogue;
  private final EventHistory events;
  private final ExportSortBudget sortBudget;

  public AwsHistoryIngest(
      IngestConfig config,
      io.precursor.topics.Topics topics,
      IngestCounters counters,
      LogGroupHistory logs,
      MetricHistory metrics,
      MetricCatalogue catalogue,
      EventHistory events) {
    this.topics = topics;
    this.logIngest = new SubscriptionIngest(config, topics, counters);
    this.counters = counters;
    this.logs = logs;
    this.metrics = metrics;
    this.catalogue = catalogue;
    this.events = events;
    this.sortBudget = ExportSortBudget.of(config);
  }

  /**
   * Reads the window and hands the records to {@code sink} in event-time order.
   *
   * @return the AWS calls made, and the throttled ones retried
   * @throws RuntimeException the AWS error of a call that still failed after its retries
   */
  public AwsCallTally ingest(HistoryRequest request, IngestSink sink) {
    try (TimeOrderedBuffer buffer = sortBudget.buffer(sink)) {
      AwsCallTally tally = read(request, buffer);
      buffer.flush();
      return tally;
    }
  }

  private AwsCallTally read(HistoryRequest request, IngestSink buffer) {
    AwsCallTally tally = new AwsCallTally();
    Map<String, String> clusterByInstance = new HashMap<>();
    IngestSink learning = new ClusterLearningSink(buffer, clusterByInstance);
    Set<String> logStreams = new TreeSet<>();
    for (String group : request.resolvedLogGroups()) {
      int pages =
          logs.read(
              group,
              request.logStreams(group),
              request.from(),
              request.to(),
              (batch, page) -> {
                logStreams.add(batch.logStream());
                logIngest.acceptBatch(
                    batch,
                    "logs:" + LogGroupHistory.OPERATION + " " + group + " page " + page,
                    learning);
              },
              tally);
      tally.requests(LogGroupHistory.OPERATION, pages);
    }
    // The window ends here, so a deadlock dump whose last lines are missing is published as is.
    logIngest.flush(buffer);

    List<DbEvent> read = new ArrayList<>();
    int eventRequests =
        events.read(
            request.from(),
            request.to(),
            new InstanceClusters(clusterByInstance),
            read::add,
            (source, reason, event) -> deadLetter(buffer, source, reason, event.toString()),
            tally);
    tally.requests("DescribeEvents", eventRequests);

    Fleet fleet = fleet(request, clusterByInstance, read);
    int metricRequests =
        metrics.read(
            catalogue.series(fleet, FleetShare.ALL),
            request.from(),
            request.to(),
            sample -> {
              counters.metrics.incrementAndGet();
              buffer.publish(topics.metrics(), sample.getInstance(), sample, sample.getTime());
            },
            (series, reason) ->
                deadLetter(
                    buffer,
                    "cloudwatch:GetMetricData " + series.metric() + " of " + series.instance(),
                    reason,
                    series.toString()),
            tally);
    tally.requests("GetMetricData", metricRequests);

    for (DbEvent event : read) {
      // Events outside the window's instances and cluster are dropped by the caller's view.
      counters.dbEvents.incrementAndGet();
      buffer.publish(topics.dbEvents(), event.getSourceId(), event, event.getTime());
    }
    return tally;
  }

  /**
   * The instances and clusters whose metrics to read: those the logs and events named, and the ones
   * asked for; each instance with the cluster its log group named.
   */
  private static Fleet fleet(
      HistoryRequest request, Map<String, String> clusterByInstance, List<DbEvent> events) {
    Set<String> instances = new TreeSet<>(clusterByInstance.keySet());
    Set<String> clusters = new TreeSet<>(clusterByInstance.values());
    if (request.instance() != null) {
      instances.add(request.instance());
    }
    if (request.cluster() != null) {
      clusters.add(request.cluster());
    }
    for (DbEvent event : events) {
      boolean inScope =
          request.cluster() == null
              ? event.getSourceId().equals(request.instance())
              : request.cluster().equals(event.getCluster());
      if (inScope && event.getSourceType() == DbEventSourceType.DB_INSTANCE) {
        instances.add(event.getSourceId());
      }
    }
    return new Fleet(clusters, instances, clusterByInstance);
  }

  private void deadLetter(IngestSink sink, String source, String reason, String raw) {
    counters.deadLetters.incrementAndGet();
    sink.deadLetter(source, reason, null, raw.getBytes(StandardCharsets.UTF_8));
  }
}
