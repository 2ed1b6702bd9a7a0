package io.precursor.ingest.events;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestPublisher;
import io.precursor.ingest.metrics.AwsClients;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.PollOutput;
import io.precursor.ingest.metrics.PollingService;
import io.precursor.topics.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The RDS event poll as a {@link PollingService}, continuing after the newest event it finds on the
 * db-events topic; configured by {@link IngestConfig}, {@link AwsPollConfig} and {@link
 * EventPollerConfig} settings.
 */
public final class EventPolling extends PollingService<EventPollReport> {

  private EventPolling(
      EventPollerConfig config,
      Clock clock,
      EventPoller poller,
      IngestPublisher publisher,
      RdsClient rds) {
    super("rds-event-poll", config.interval(), clock, poller, publisher, List.of(rds));
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
    return new EventPolling(config, clock, poller, publisher, rds);
  }
}
