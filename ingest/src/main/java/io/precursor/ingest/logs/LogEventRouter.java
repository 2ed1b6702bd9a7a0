package io.precursor.ingest.logs;

import io.precursor.ingest.errorlog.ErrorLogStreams;
import io.precursor.ingest.logs.LogEventOutcome.ErrorLine;
import io.precursor.ingest.logs.LogEventOutcome.IgnoreReason;
import io.precursor.ingest.logs.LogEventOutcome.Ignored;
import io.precursor.ingest.logs.LogEventOutcome.PartOfDeadlockDump;
import io.precursor.ingest.logs.LogEventOutcome.SlowQuery;
import io.precursor.ingest.logs.LogEventOutcome.Unreadable;
import io.precursor.ingest.slowlog.GarbledSlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogItem;
import io.precursor.ingest.slowlog.SlowQueryEntries;
import io.precursor.ingest.slowlog.SlowQueryParser;
import io.precursor.ingest.slowlog.SqlTextPolicy;
import io.precursor.schemas.ErrorLogEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the events of log batches into outcomes: slow query and error log records keyed by DB
 * instance, counts of events not read, and unreadable text with its reason. No I/O, and it never
 * throws for bad input.
 *
 * <p>Feed the batches of a log stream in arrival order: a deadlock dump split over several batches
 * is held between them (see {@link ErrorLogStreams}) and comes out as one entry when it ends, when
 * its stream stays idle ({@link #flushIdle()}) or when the input ends ({@link #flush()}).
 */
public final class LogEventRouter {

  private final SlowQueryParser slowQueryParser;
  private final SlowQueryEntries slowQueryEntries;
  private final ErrorLogStreams errorLogs;
  private final Clock clock;

  /**
   * A router over these parsers.
   *
   * @param clock tells when a batch arrives, and when a held deadlock dump has waited long enough
   */
  public LogEventRouter(
      SlowQueryParser slowQueryParser,
      SlowQueryEntries slowQueryEntries,
      ErrorLogStreams errorLogs,
      Clock clock) {
    this.slowQueryParser = Objects.requireNonNull(slowQueryParser, "slowQueryParser");
    this.slowQueryEntries = Objects.requireNonNull(slowQueryEntries, "slowQueryEntries");
    this.errorLogs = Objects.requireNonNull(errorLogs, "errorLogs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A router with default parsers that keeps SQL text as {@code sqlText} says. */
  public static LogEventRouter create(SqlTextPolicy sqlText) {
    return create(sqlText, ErrorLogStreams.withDefaults(), Clock.systemUTC());
  }

  /** A router with default slow log parsers, these error log streams and this clock. */
  public static LogEventRouter create(
      SqlTextPolicy sqlText, ErrorLogStreams errorLogs, Clock clock) {
    return new LogEventRouter(
        new SlowQueryParser(), new SlowQueryEntries(sqlText), errorLogs, clock);
  }

  /** The outcomes of a batch, in event order. */
  public List<LogEventOutcome> route(LogBatch batch) {
    if (batch.events().isEmpty()) {
      // CloudWatch sends no such batch; should one come, it is accounted for, not just dropped.
      return ignored(batch, IgnoreReason.NO_ENTRIES, "a batch without log events", 0);
    }
    LogSource source = LogSource.of(batch.logGroup(), batch.logStream());
    return switch (source.type()) {
      case SLOW_QUERY, ERROR -> read(batch, source, clock.instant());
      case GENERAL ->
          ignored(
              batch,
              IgnoreReason.GENERAL_LOG,
              "the general log is not read",
              batch.events().size());
      case AUDIT ->
          ignored(
              batch, IgnoreReason.AUDIT_LOG, "the audit log is not read", batch.events().size());
      case OTHER ->
          ignored(batch, IgnoreReason.UNSUPPORTED_LOG, source.reason(), batch.events().size());
    };
  }

  /** The deadlock dumps held by streams idle for longer than the idle time, as error lines. */
  public List<LogEventOutcome> flushIdle() {
    return errorLines(errorLogs.flushIdle(clock.instant()));
  }

  /** Every held deadlock dump, as error lines: the input has ended. */
  public List<LogEventOutcome> flush() {
    return errorLines(errorLogs.flush());
  }

  /** Whether any log stream holds a deadlock dump waiting for its next lines. */
  public boolean holdsDeadlockDumps() {
    return errorLogs.heldDumps() > 0;
  }

  private List<LogEventOutcome> read(LogBatch batch, LogSource source, Instant arrivedAt) {
    List<LogEventOutcome> outcomes = new ArrayList<>();
    int eventsWithoutEntries = 0;
    int eventsInHeldDump = 0;
    for (LogEvent event : batch.events()) {
      List<LogEventOutcome> fromEvent;
      try {
        fromEvent =
            source.type() == LogType.SLOW_QUERY
                ? slowQueries(event, source, batch)
                : errorLines(errorLogs.accept(batch.logStream(), source, event, arrivedAt));
      } catch (RuntimeException | StackOverflowError e) {
        // A parser bug must cost one event, set aside whole, not the batch or the pipeline; a
        // regex's repeated group on a hostile line can exhaust the stack, which unwinds cleanly.
        fromEvent =
            List.of(
                new Unreadable(
                    "unexpected "
                        + e.getClass().getName()
                        + " while reading the event: "
                        + e.getMessage(),
                    batch.logGroup(),
                    batch.logStream(),
                    event.id(),
                    event.message()));
      }
      if (fromEvent.isEmpty()) {
        if (source.type() == LogType.ERROR
            && !event.message().isBlank()
            && errorLogs.holdsDump(batch.logGroup(), batch.logStream())) {
          eventsInHeldDump++;
        } else {
          eventsWithoutEntries++;
        }
      }
      outcomes.addAll(fromEvent);
    }
    if (eventsInHeldDump > 0) {
      outcomes.add(new PartOfDeadlockDump(batch.logGroup(), batch.logStream(), eventsInHeldDump));
    }
    if (eventsWithoutEntries > 0) {
      outcomes.add(
          new Ignored(
              IgnoreReason.NO_ENTRIES,
              "events with only blank lines or the log file banner",
              batch.logGroup(),
              batch.logStream(),
              eventsWithoutEntries));
    }
    return outcomes;
  }

  private List<LogEventOutcome> slowQueries(LogEvent event, LogSource source, LogBatch batch) {
    List<SlowLogItem> items = slowQueryParser.parse(event.message());
    List<LogEventOutcome> outcomes = new ArrayList<>(items.size());
    for (int position = 0; position < items.size(); position++) {
      SlowLogItem item = items.get(position);
      if (item instanceof SlowLogEntry entry) {
        outcomes.add(
            new SlowQuery(
                source.instance(), slowQueryEntries.toRecord(entry, source, event, position)));
      } else if (item instanceof GarbledSlowLogEntry garbled) {
        outcomes.add(
            new Unreadable(
                garbled.reason(),
                batch.logGroup(),
                batch.logStream(),
                event.entryId(position),
                garbled.text()));
      }
    }
    return outcomes;
  }

  private static List<LogEventOutcome> errorLines(List<ErrorLogEntry> entries) {
    List<LogEventOutcome> outcomes = new ArrayList<>(entries.size());
    for (ErrorLogEntry entry : entries) {
      outcomes.add(new ErrorLine(entry.getInstance(), entry));
    }
    return outcomes;
  }

  private static List<LogEventOutcome> ignored(
      LogBatch batch, IgnoreReason reason, String detail, int events) {
    return List.of(new Ignored(reason, detail, batch.logGroup(), batch.logStream(), events));
  }
}
