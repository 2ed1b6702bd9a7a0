package io.precursor.ingest;

import io.precursor.ingest.IngestCounters.DeadLetterReason;
import io.precursor.ingest.errorlog.ErrorLogStreams;
import io.precursor.ingest.files.EventBridgeEventsFile;
import io.precursor.ingest.files.InstanceClusters;
import io.precursor.ingest.logs.LogBatch;
import io.precursor.ingest.logs.LogEventOutcome;
import io.precursor.ingest.logs.LogEventRouter;
import io.precursor.ingest.slowlog.SqlTextPolicy;
import io.precursor.ingest.subscription.SubscriptionDecoder;
import io.precursor.ingest.subscription.SubscriptionMessage;
import io.precursor.ingest.subscription.UnreadableRecordException;
import io.precursor.schemas.DbEvent;
import io.precursor.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Turns the records of the Kinesis stream a CloudWatch Logs subscription writes into (or
 * EventBridge aws.rds events on it), one at a time and in order, into slow-query, error-log and
 * RDS-event records; what cannot be read goes to the dead-letter topic with its reason.
 *
 * <p>A deadlock dump split over several records is held until its end arrives; call {@link
 * #flushIdle(IngestSink)} regularly (e.g. before each checkpoint) so a dump whose end never comes
 * is published after its stream has been idle for {@link ErrorLogStreams#DEFAULT_IDLE}, and {@link
 * #flush(IngestSink)} when the input ends (shard end, shutdown, end of an export). Records of one
 * log stream must come in order, as they do within a shard when the subscription distributes {@code
 * ByLogStream}; the held dumps may be shared by several shards' threads.
 */
public final class SubscriptionIngest {

  private static final String FLUSH_SOURCE = "held deadlock dumps";

  private final SubscriptionDecoder decoder;
  private final LogEventRouter router;
  private final Topics topics;
  private final IngestCounters counters;

  public SubscriptionIngest(IngestConfig config, Topics topics, IngestCounters counters) {
    this(config, topics, counters, ErrorLogStreams.withDefaults(), Clock.systemUTC());
  }

  /**
   * An ingest whose error log streams and idle clock are given.
   *
   * @param clock tells when a record arrives and when a held deadlock dump has waited long enough
   */
  public SubscriptionIngest(
      IngestConfig config,
      Topics topics,
      IngestCounters counters,
      ErrorLogStreams errorLogs,
      Clock clock) {
    this.decoder = new SubscriptionDecoder(config.getInt(IngestConfig.MAX_DECOMPRESSED_BYTES));
    this.router =
        LogEventRouter.create(
            config.getBoolean(IngestConfig.KEEP_SQL_TEXT)
                ? SqlTextPolicy.keptUpTo(config.getInt(IngestConfig.SQL_TEXT_MAX_CHARS))
                : SqlTextPolicy.dropped(),
            errorLogs,
            clock);
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
      deadLetter(sink, source, DeadLetterReason.UNREADABLE_RECORD, e.reason(), e, data);
      return;
    } catch (RuntimeException | StackOverflowError e) {
      // A decoder bug must cost this record, set aside whole, not the shard or the worker.
      deadLetter(
          sink,
          source,
          DeadLetterReason.UNEXPECTED_FAILURE,
          unexpected(e, "decoding the record"),
          e,
          data);
      return;
    }
    if (message instanceof SubscriptionMessage.DataMessage logs) {
      acceptAll(router.route(logs.batch()), source, sink);
    } else if (message instanceof SubscriptionMessage.RdsEvent event) {
      acceptEvent(event, source, sink);
    } else {
      counters.controlMessages.incrementAndGet();
    }
  }

  /**
   * Reads log events that came straight from CloudWatch Logs rather than through a subscription,
   * e.g. a page of FilterLogEvents: they are routed exactly as a subscription record's events.
   *
   * @param source where they came from, e.g. {@code logs:FilterLogEvents <group> page 3}
   */
  public void acceptBatch(LogBatch batch, String source, IngestSink sink) {
    counters.records.incrementAndGet();
    acceptAll(router.route(batch), source, sink);
  }

  /** Publishes the deadlock dumps of log streams that have been idle for the idle time. */
  public void flushIdle(IngestSink sink) {
    acceptAll(router.flushIdle(), FLUSH_SOURCE, sink);
  }

  /** Publishes every held deadlock dump as far as it was read: the input has ended. */
  public void flush(IngestSink sink) {
    acceptAll(router.flush(), FLUSH_SOURCE, sink);
  }

  /**
   * Whether a deadlock dump is held for its next lines; until it is published, the records it came
   * in are not safely handled.
   */
  public boolean holdsDeadlockDumps() {
    return router.holdsDeadlockDumps();
  }

  private void acceptAll(List<LogEventOutcome> outcomes, String source, IngestSink sink) {
    for (LogEventOutcome outcome : outcomes) {
      acceptOutcome(outcome, source, sink);
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
          DeadLetterReason.UNPARSEABLE_DB_EVENT,
          "unreadable EventBridge aws.rds event: " + e.getMessage(),
          e,
          event.json().getBytes(StandardCharsets.UTF_8));
      return;
    } catch (RuntimeException e) {
      deadLetter(
          sink,
          source,
          DeadLetterReason.UNEXPECTED_FAILURE,
          unexpected(e, "reading the EventBridge aws.rds event"),
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
          DeadLetterReason.UNPARSEABLE_LOG_EVENT,
          unreadable.reason(),
          null,
          unreadable.raw());
    }
    // PartOfDeadlockDump: nothing to publish yet; the dump's entry carries those events.
  }

  private static String unexpected(Throwable e, String doing) {
    return "unexpected " + e.getClass().getName() + " while " + doing + ": " + e.getMessage();
  }

  /** What this ingest has read so far. */
  public IngestCounters counters() {
    return counters;
  }

  private void deadLetter(
      IngestSink sink,
      String source,
      DeadLetterReason kind,
      String reason,
      Throwable error,
      byte[] raw) {
    counters.countDeadLetter(kind);
    sink.deadLetter(source, reason, error, raw);
  }
}
