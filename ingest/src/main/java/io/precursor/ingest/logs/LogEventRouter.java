package io.precursor.ingest.logs;

import io.precursor.ingest.errorlog.ErrorLogParser;
import io.precursor.ingest.logs.LogEventOutcome.ErrorLine;
import io.precursor.ingest.logs.LogEventOutcome.IgnoreReason;
import io.precursor.ingest.logs.LogEventOutcome.Ignored;
import io.precursor.ingest.logs.LogEventOutcome.SlowQuery;
import io.precursor.ingest.logs.LogEventOutcome.Unreadable;
import io.precursor.ingest.slowlog.GarbledSlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogItem;
import io.precursor.ingest.slowlog.SlowQueryEntries;
import io.precursor.ingest.slowlog.SlowQueryParser;
import io.precursor.ingest.slowlog.SqlTextPolicy;
import io.precursor.schemas.ErrorLogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the events of one log batch into outcomes: slow query and error log records keyed by DB
 * instance, counts of events not read, and unreadable text with its reason. Pure: no I/O, and it
 * never throws for bad input.
 */
public final class LogEventRouter {

  private final SlowQueryParser slowQueryParser;
  private final SlowQueryEntries slowQueryEntries;
  private final ErrorLogParser errorLogParser;

  public LogEventRouter(
      SlowQueryParser slowQueryParser,
      SlowQueryEntries slowQueryEntries,
      ErrorLogParser errorLogParser) {
    this.slowQueryParser = Objects.requireNonNull(slowQueryParser, "slowQueryParser");
    this.slowQueryEntries = Objects.requireNonNull(slowQueryEntries, "slowQueryEntries");
    this.errorLogParser = Objects.requireNonNull(errorLogParser, "errorLogParser");
  }

  /** A router with default parsers that keeps SQL text as {@code sqlText} says. */
  public static LogEventRouter create(SqlTextPolicy sqlText) {
    return new LogEventRouter(
        new SlowQueryParser(), new SlowQueryEntries(sqlText), new ErrorLogParser());
  }

  /** The outcomes of a batch, in event order. */
  public List<LogEventOutcome> route(LogBatch batch) {
    if (batch.events().isEmpty()) {
      return List.of();
    }
    LogSource source = LogSource.of(batch.logGroup(), batch.logStream());
    return switch (source.type()) {
      case SLOW_QUERY, ERROR -> read(batch, source);
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

  private List<LogEventOutcome> read(LogBatch batch, LogSource source) {
    List<LogEventOutcome> outcomes = new ArrayList<>();
    int eventsWithoutEntries = 0;
    for (LogEvent event : batch.events()) {
      List<LogEventOutcome> fromEvent;
      try {
        fromEvent =
            source.type() == LogType.SLOW_QUERY
                ? slowQueries(event, source, batch)
                : errorLines(event, source);
      } catch (RuntimeException e) {
        // A parser bug must cost one event, set aside whole, not the batch or the pipeline.
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
        eventsWithoutEntries++;
      }
      outcomes.addAll(fromEvent);
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

  private List<LogEventOutcome> errorLines(LogEvent event, LogSource source) {
    List<ErrorLogEntry> entries = errorLogParser.parse(event, source);
    List<LogEventOutcome> outcomes = new ArrayList<>(entries.size());
    for (ErrorLogEntry entry : entries) {
      outcomes.add(new ErrorLine(source.instance(), entry));
    }
    return outcomes;
  }

  private static List<LogEventOutcome> ignored(
      LogBatch batch, IgnoreReason reason, String detail, int events) {
    return List.of(new Ignored(reason, detail, batch.logGroup(), batch.logStream(), events));
  }
}
