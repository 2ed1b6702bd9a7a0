package io.precursor.ingest;

import io.precursor.ingest.files.EventBridgeEventsFile;
import io.precursor.ingest.files.InstanceClusters;
import io.precursor.ingest.logs.LogEventOutcome;
import io.precursor.ingest.logs.LogEventRouter;
import io.precursor.ingest.slowlog.SqlTextPolicy;
import io.precursor.ingest.subscription.SubscriptionDecoder;
import io.precursor.ingest.subscription.SubscriptionMessage;
import io.precursor.ingest.subscription.UnreadableRecordException;
import io.precursor.schemas.DbEvent;
import io.precursor.topics.Topics;
import java.nio.charset.StandardCharsets;

/**
 * Turns one record of the Kinesis stream a CloudWatch Logs subscription writes into (or an
 * EventBridge aws.rds event on it) into slow-query, error-log and RDS-event records; what cannot be
 * read goes to the dead-letter topic with its reason.
 */
public final class SubscriptionIngest {

  private final SubscriptionDecoder decoder;
  private final LogEventRouter router;
  private final Topics topics;
  private final IngestCounters counters;

  public SubscriptionIngest(IngestConfig config, Topics topics, IngestCounters counters) {
    this.decoder = new SubscriptionDecoder(config.getInt(IngestConfig.MAX_DECOMPRESSED_BYTES));
    this.router =
        LogEventRouter.create(
            config.getBoolean(IngestConfig.KEEP_SQL_TEXT)
                ? SqlTextPolicy.keptUpTo(config.getInt(IngestConfig.SQL_TEXT_MAX_CHARS))
                : SqlTextPolicy.dropped());
    this.topics = topics;
    this.counters = counters;
  }

  /**
   * Reads one record.
   *
   * @param data the record's bytes, as the KCL (or a base64-decoded export) hands them
   * @param source where it came from, e.g. {@code shardId/sequenceNumber} or {@code file:index}
   */
  public void accept(byte[] data, String source, IngestSink sink) {
    counters.records.incrementAndGet();
    SubscriptionMessage message;
    try {
      message = decoder.decode(data);
    } catch (UnreadableRecordException e) {
      deadLetter(sink, source, e.reason(), e, data);
      return;
    }
    if (message instanceof SubscriptionMessage.DataMessage logs) {
      for (LogEventOutcome outcome : router.route(logs.batch())) {
        acceptOutcome(outcome, source, sink);
      }
    } else if (message instanceof SubscriptionMessage.RdsEvent event) {
      acceptEvent(event, source, sink);
    } else {
      counters.controlMessages.incrementAndGet();
    }
  }

  private void acceptEvent(SubscriptionMessage.RdsEvent event, String source, IngestSink sink) {
    DbEvent dbEvent;
    try {
      dbEvent = EventBridgeEventsFile.parse(event.json(), InstanceClusters.NONE);
    } catch (IllegalArgumentException e) {
      deadLetter(
          sink,
          source,
          "unreadable EventBridge aws.rds event: " + e.getMessage(),
          e,
          event.json().getBytes(StandardCharsets.UTF_8));
      return;
    }
    counters.dbEvents.incrementAndGet();
    sink.publish(topics.dbEvents(), dbEvent.getSourceId(), dbEvent, dbEvent.getTime());
  }

  private void acceptOutcome(LogEventOutcome outcome, String source, IngestSink sink) {
    if (outcome instanceof LogEventOutcome.SlowQuery slow) {
      counters.slowQueries.incrementAndGet();
      sink.publish(topics.slowQueries(), slow.key(), slow.entry(), slow.entry().getEventTime());
    } else if (outcome instanceof LogEventOutcome.ErrorLine line) {
      counters.errorLines.incrementAndGet();
      sink.publish(topics.errorLog(), line.key(), line.entry(), line.entry().getEventTime());
    } else if (outcome instanceof LogEventOutcome.Ignored ignored) {
      counters.ignoredEvents.addAndGet(ignored.eventCount());
    } else if (outcome instanceof LogEventOutcome.Unreadable unreadable) {
      deadLetter(
          sink,
          source
              + " "
              + unreadable.logGroup()
              + "/"
              + unreadable.logStream()
              + " event "
              + unreadable.eventId(),
          unreadable.reason(),
          null,
          unreadable.raw());
    }
  }

  private void deadLetter(
      IngestSink sink, String source, String reason, Throwable error, byte[] raw) {
    counters.deadLetters.incrementAndGet();
    sink.deadLetter(source, reason, error, raw);
  }
}
