package io.precursor.launcher;

import io.precursor.ingest.AwsHistoryIngest;
import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.IngestSink;
import io.precursor.ingest.events.EventHistory;
import io.precursor.ingest.events.EventPollerConfig;
import io.precursor.ingest.history.AwsCallTally;
import io.precursor.ingest.history.HistoryRequest;
import io.precursor.ingest.history.LogGroupHistory;
import io.precursor.ingest.metrics.AwsClients;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.MetricHistory;
import io.precursor.ingest.metrics.MetricPollerConfig;
import io.precursor.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * A replay of a window read straight from AWS: CloudWatch Logs FilterLogEvents, CloudWatch
 * GetMetricData and RDS DescribeEvents, with credentials from the SDK's default provider chain and
 * the region, endpoints, retries and metric catalogue of the ingest settings.
 */
record AwsReplaySource(HistoryRequest request) implements ReplaySource {

  @Override
  public ReplayInput load(
      Settings settings, Topics topics, UnaryOperator<IngestSink> view, IngestCounters counters) {
    Map<String, String> values = settings.asMap();
    AwsPollConfig aws = new AwsPollConfig(values);
    EventPollerConfig events = new EventPollerConfig(values);
    MetricPollerConfig metrics = new MetricPollerConfig(catalogueOnly(values));
    IngestConfig ingest = new IngestConfig(values);
    UnreadableInput unreadable = new UnreadableInput();
    AwsCallTally tally;
    try (CloudWatchLogsClient logsClient = AwsClients.logs(aws);
        CloudWatchClient cloudWatch = AwsClients.cloudWatch(aws);
        RdsClient rds = AwsClients.rds(aws);
        IngestPublisher publisher = new IngestPublisher(ingest, topics)) {
      AwsHistoryIngest history =
          new AwsHistoryIngest(
              ingest,
              topics,
              counters,
              new LogGroupHistory(logsClient, aws.retry()),
              new MetricHistory(cloudWatch, aws.retry(), metrics.queriesPerRequest()),
              metrics.catalogue(),
              new EventHistory(rds, aws.retry(), events.sourceTypes(), events.pageSize()));
      tally = history.ingest(request, unreadable.watching(view.apply(publisher)));
      publisher.awaitAcknowledged();
    } catch (SdkException e) {
      throw new ReplaySourceException("reading from AWS failed: " + e.getMessage(), e);
    }
    return new ReplayInput(counters, unreadable, List.of("AWS calls: " + tally));
  }

  @Override
  public String describe() {
    return "AWS, log groups " + request.resolvedLogGroups();
  }

  /**
   * The settings with the metric poller's fleet keys replaced: a replay reads the metrics of the
   * instances its window's logs and events name, with the poller's catalogue of metrics.
   */
  private static Map<String, String> catalogueOnly(Map<String, String> values) {
    Map<String, String> copy = new HashMap<>(values);
    copy.put(MetricPollerConfig.INSTANCES, "");
    copy.put(MetricPollerConfig.DISCOVER, "false");
    copy.put(MetricPollerConfig.CLUSTERS, "the-replayed-window");
    return copy;
  }
}
