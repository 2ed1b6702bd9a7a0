package io.precursor.ingest.metrics;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestPublisher;
import io.precursor.schemas.MetricSample;
import io.precursor.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The metric poll running on a thread of its own with its own Kafka producer and AWS clients,
 * configured by {@link IngestConfig}, {@link AwsPollConfig} and {@link MetricPollerConfig}
 * settings; closing it stops the poll after the one in progress and releases everything.
 */
public final class MetricPolling implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MetricPolling.class);

  private final IngestPublisher publisher;
  private final CloudWatchClient cloudWatch;
  private final RdsClient rds;
  private final PollLoop loop;
  private final MetricPoller poller;

  private MetricPolling(
      IngestPublisher publisher,
      CloudWatchClient cloudWatch,
      RdsClient rds,
      PollLoop loop,
      MetricPoller poller) {
    this.poller = poller;
    this.publisher = publisher;
    this.cloudWatch = cloudWatch;
    this.rds = rds;
    this.loop = loop;
  }

  /**
   * Reads back what the poll published within its overlap window, then starts polling with AWS
   * credentials from the SDK's default provider chain.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming the setting to fix
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
    IngestPublisher publisher = new IngestPublisher(ingest, topics);
    CloudWatchClient cloudWatch = AwsClients.cloudWatch(aws, credentials);
    RdsClient rds = config.discover() ? AwsClients.rds(aws, credentials) : null;
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
    // Without this, a restart publishes the whole overlap window a second time.
    Instant since = MetricPoller.firstWindowStart(config, clock);
    List<MetricSample> published =
        new PublishedRecords<>(
                ingest.bootstrapServers(), settings, topics.metrics(), config.resumeTimeout())
            .since(since);
    poller.remember(published);
    LOG.info(
        "metric poll remembers {} datapoints published since {} on {}",
        published.size(),
        since,
        topics.metrics().name());
    PollLoop loop = new PollLoop("metric-poll", config.interval(), clock, poller::poll);
    loop.start();
    return new MetricPolling(publisher, cloudWatch, rds, loop, poller);
  }

  /** Polls run so far, failed ones included. */
  public long polls() {
    return loop.polls();
  }

  /** What the last completed poll did, or null before the first. */
  public MetricPollReport lastReport() {
    return poller.lastReport();
  }

  /** What every poll so far did. */
  public PollTotals totals() {
    return poller.totals();
  }

  /** The Kafka producer the polls publish with (for its client metrics). */
  public org.apache.kafka.clients.producer.Producer<byte[], byte[]> producer() {
    return publisher.producer();
  }

  /** Polls that failed. */
  public long failures() {
    return loop.failures();
  }

  @Override
  public void close() {
    loop.close();
    publisher.close();
    cloudWatch.close();
    if (rds != null) {
      rds.close();
    }
  }
}
