package io.precursor.ingest.metrics;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestPublisher;
import io.precursor.schemas.MetricSample;
import io.precursor.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The metric poll as a {@link PollingService}, configured by {@link IngestConfig}, {@link
 * AwsPollConfig} and {@link MetricPollerConfig} settings.
 */
public final class MetricPolling extends PollingService<MetricPollReport> {

  private static final Logger LOG = LoggerFactory.getLogger(MetricPolling.class);

  private MetricPolling(
      MetricPollerConfig config,
      Clock clock,
      MetricPoller poller,
      IngestPublisher publisher,
      List<SdkAutoCloseable> clients) {
    super("metric-poll", config.interval(), clock, poller, publisher, clients);
  }

  /**
   * Reads back what the poll published within its overlap window, then starts polling with AWS
   * credentials from the SDK's default provider chain.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming the setting to fix
   * @throws IllegalStateException when the metrics topic cannot be read back in time
   */
  public static MetricPolling start(Map<?, ?> settings, Topics topics) {
    return start(settings, topics, DefaultCredentialsProvider.builder().build(), Clock.systemUTC());
  }

  /** Starts polling with the given credentials and clock (tests use fake ones). */
  static MetricPolling start(
      Map<?, ?> settings, Topics topics, AwsCredentialsProvider credentials, Clock clock) {
    MetricPollerConfig config = new MetricPollerConfig(settings);
    AwsPollConfig aws = new AwsPollConfig(settings);
    IngestConfig ingest = new IngestConfig(settings);
    // Without this, a restart publishes the whole overlap window a second time.
    Instant since = MetricPoller.firstWindowStart(config, clock);
    List<MetricSample> published =
        new PublishedRecords<>(
                ingest.bootstrapServers(), settings, topics.metrics(), config.resumeTimeout())
            .since(since);
    LOG.info(
        "metric poll remembers {} datapoints published since {} on {}",
        published.size(),
        since,
        topics.metrics().name());
    IngestPublisher publisher = new IngestPublisher(ingest, topics);
    List<SdkAutoCloseable> clients = new ArrayList<>();
    CloudWatchClient cloudWatch = AwsClients.cloudWatch(aws, credentials);
    clients.add(cloudWatch);
    RdsClient rds = null;
    if (config.discover()) {
      rds = AwsClients.rds(aws, credentials);
      clients.add(rds);
    }
    MetricPoller poller =
        new MetricPoller(
            config,
            aws.fleetShare(),
            cloudWatch,
            rds,
            aws.retry(),
            topics.metrics(),
            PollOutput.of(publisher),
            clock);
    poller.remember(published);
    return new MetricPolling(config, clock, poller, publisher, clients);
  }
}
