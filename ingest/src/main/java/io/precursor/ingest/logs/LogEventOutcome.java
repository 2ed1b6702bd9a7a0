package io.precursor.ingest.logs;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.SlowQueryEntry;
import java.util.Objects;

/**
 * What became of the log events of a batch: a record for a topic, a count of events not read or
 * held in an unfinished deadlock dump, or text set aside with a reason; whoever wires Kafka sends
 * each to its topic.
 */
public sealed interface LogEventOutcome {

  /** A slow query log entry, keyed by DB instance. */
  record SlowQuery(String key, SlowQueryEntry entry) implements LogEventOutcome {

    public SlowQuery {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** An error log entry, keyed by DB instance. */
  record ErrorLine(String key, ErrorLogEntry entry) implements LogEventOutcome {

    public ErrorLine {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(entry, "entry");
    }
  }

  /**
   * Events of the batch that were deliberately not read, to be counted by reason.
   *
   * @param detail the reason in words, e.g. which log type or log group
   */
  record Ignored(
      IgnoreReason reason, String detail, String logGroup, String logStream, int eventCount)
      implements LogEventOutcome {

    public Ignored {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * Events of the batch whose error log lines all went into a deadlock dump that is still waiting
   * for its next lines; the dump's one entry carries them once it ends (or is flushed).
   */
  record PartOfDeadlockDump(String logGroup, String logStream, int eventCount)
      implements LogEventOutcome {

    public PartOfDeadlockDump {
      Objects.requireNonNull(logGroup, "logGroup");
      Objects.requireNonNull(logStream, "logStream");
    }
  }

  /**
   * Text that should have been read and could not be, for the dead-letter topic.
   *
   * @param eventId the CloudWatch event id, with {@code #<n>} for the n-th entry of the event
   * @param text the unread text exactly as it was in the event
   */
  record Unreadable(String reason, String logGroup, String logStream, String eventId, String text)
      implements LogEventOutcome {

    public Unreadable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(text, "text");
    }

    /** The unread text as the bytes a dead letter carries. */
    public byte[] raw() {
      return text.getBytes(UTF_8);
    }
  }

  /** Why events were not read. */
  enum IgnoreReason {
    /** The general query log; Precursor's rules do not use it. */
    GENERAL_LOG,
    /** The audit log; Precursor's rules do not use it. */
    AUDIT_LOG,
    /** A log group or log type Precursor does not read. */
    UNSUPPORTED_LOG,
    /** Events holding only blank lines or the banner MySQL writes when it opens a log file. */
    NO_ENTRIES
  }
}
