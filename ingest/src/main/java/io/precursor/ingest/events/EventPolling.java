package io.precursor.ingest.events;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.metrics.AwsClients;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.PollLoop;
import io.precursor.ingest.metrics.PollOutput;
import io.precursor.ingest.metrics.PollTotals;
import io.precursor.topics.Topics;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The RDS event poll running on a thread of its own with its own Kafka producer and RDS client,
 * continuing after the newest event it finds on the db-events topic; configured by {@link
 * IngestConfig}, {@link AwsPollConfig} and {@link EventPollerConfig} settings.
 */
public final class EventPolling implements AutoCloseable {

  private final IngestPublisher publisher;
  private final RdsClient rds;
  private final PollLoop loop;
  private final EventPoller poller;

  private EventPolling(
      IngestPublisher publisher, RdsClient rds, PollLoop loop, EventPoller poller) {
    this.poller = poller;
    this.publisher = publisher;
    this.rds = rds;
    this.loop = loop;
  }

  /**
   * Finds where the poll stopped last, then starts polling with AWS credentials from the SDK's
   * default provider chain.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming the setting to fix
   * @throws IllegalStateException when the db-events topic cannot be read back in time
   */
  public static EventPolling start(Map<?, ?> settings, Topics topics) {
    return start(settings, topics, DefaultCredentialsProvider.builder().build(), Clock.systemUTC());
  }

  /** Starts polling with the given credentials and clock (tests use fake ones). */
  static EventPolling start(
      Map<?, ?> settings, Topics topics, AwsCredentialsProvider credentials, Clock clock) {
    EventPollerConfig config = new EventPollerConfig(settings);
    AwsPollConfig aws = new AwsPollConfig(settings);
    IngestConfig ingest = new IngestConfig(settings);
    EventPosition position =
        EventPoller.resumePosition(
            config,
            aws.fleetShare(),
            new PublishedEvents(
                ingest.bootstrapServers(), settings, topics.dbEvents(), config.resumeTimeout()),
            clock);
    IngestPublisher publisher = new IngestPublisher(ingest, topics);
    RdsClient rds = AwsClients.rds(aws, credentials);
    EventPoller poller =
        new EventPoller(
            config,
            aws.fleetShare(),
            rds,
            aws.retry(),
            topics.dbEvents(),
            PollOutput.of(publisher),
            clock,
            position);
    PollLoop loop = new PollLoop("rds-event-poll", config.interval(), clock, poller::poll);
    loop.start();
    return new EventPolling(publisher, rds, loop, poller);
  }

  /** Polls run so far, failed ones included. */
  public long polls() {
    return loop.polls();
  }

  /** What the last completed poll did, or null before the first. */
  public EventPollReport lastReport() {
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
    rds.close();
  }
}
