package io.precursor.ingest.errorlog;

import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.logs.LogSource;
import io.precursor.schemas.ErrorLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The error log streams being read, each by its own {@link ErrorLogAssembler}, so a deadlock dump
 * that CloudWatch splits over several events (and Kinesis over several records) becomes one entry.
 *
 * <p>Only streams holding an unfinished dump keep state, and each dump is bounded by the {@link
 * DumpLimits}. A dump whose stream has been silent for the idle time is let go by {@link
 * #flushIdle(Instant)}: MySQL writes a dump in one go, so silence means its end was lost. Times are
 * arrival times on the caller's clock, not log timestamps, because a lagging consumer reads old
 * events quickly.
 *
 * <p>Safe to share between threads (KCL shard processors), but the events of one log stream must
 * still arrive in order: the subscription filter must distribute {@code ByLogStream} so a stream
 * stays in one shard (FACTS 1.8).
 */
public final class ErrorLogStreams {

  /** A dump is written within milliseconds; seconds of silence cover delivery jitter. */
  public static final Duration DEFAULT_IDLE = Duration.ofSeconds(10);

  private record StreamKey(String logGroup, String logStream) {}

  private record Held(ErrorLogAssembler assembler, Instant lastArrival) {}

  private final int maxMessageChars;
  private final DumpLimits limits;
  private final Duration idle;
  // In order of last arrival, so flushes are deterministic.
  private final Map<StreamKey, Held> held = new LinkedHashMap<>();

  public ErrorLogStreams(int maxMessageChars, DumpLimits limits, Duration idle) {
    if (maxMessageChars <= 0) {
      throw new IllegalArgumentException(
          "maxMessageChars must be positive, was " + maxMessageChars);
    }
    if (idle.isNegative()) {
      throw new IllegalArgumentException("idle must not be negative, was " + idle);
    }
    this.maxMessageChars = maxMessageChars;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.idle = idle;
  }

  /** Streams with the default message cap, dump limits and idle time. */
  public static ErrorLogStreams withDefaults() {
    return new ErrorLogStreams(
        ErrorLogParser.DEFAULT_MAX_MESSAGE_CHARS, DumpLimits.DEFAULT, DEFAULT_IDLE);
  }

  /**
   * The entries that {@code event}, the next event of {@code logStream}, completes.
   *
   * @param source the log group's reading, which names the DB instance
   * @param arrivedAt when the event arrived, on the clock later passed to {@link
   *     #flushIdle(Instant)}
   * @throws IllegalArgumentException when the source names no DB instance to key the records by
   */
  public synchronized List<ErrorLogEntry> accept(
      String logStream, LogSource source, LogEvent event, Instant arrivedAt) {
    StreamKey key = new StreamKey(source.logGroup(), logStream);
    // Taken out first: should the assembler throw, its dump goes with the event that broke it.
    Held before = held.remove(key);
    ErrorLogAssembler assembler =
        before != null
            ? before.assembler()
            : new ErrorLogAssembler(source, maxMessageChars, limits);
    List<ErrorLogEntry> entries = assembler.accept(event);
    if (assembler.holdsDump()) {
      held.put(key, new Held(assembler, arrivedAt));
    }
    return entries;
  }

  /** Whether {@code logStream} of {@code logGroup} holds an unfinished deadlock dump. */
  public synchronized boolean holdsDump(String logGroup, String logStream) {
    return held.containsKey(new StreamKey(logGroup, logStream));
  }

  /** How many streams hold an unfinished deadlock dump. */
  public synchronized int heldDumps() {
    return held.size();
  }

  /** The dumps of streams silent since {@code now} minus the idle time, marked FLUSHED. */
  public synchronized List<ErrorLogEntry> flushIdle(Instant now) {
    Instant silentSince = now.minus(idle);
    List<ErrorLogEntry> entries = new ArrayList<>();
    for (Iterator<Held> streams = held.values().iterator(); streams.hasNext(); ) {
      Held stream = streams.next();
      if (!stream.lastArrival().isAfter(silentSince)) {
        entries.addAll(stream.assembler().flush());
        streams.remove();
      }
    }
    return entries;
  }

  /** Every held dump, marked FLUSHED: the input has ended. */
  public synchronized List<ErrorLogEntry> flush() {
    List<ErrorLogEntry> entries = new ArrayList<>();
    for (Held stream : held.values()) {
      entries.addAll(stream.assembler().flush());
    }
    held.clear();
    return entries;
  }
}
