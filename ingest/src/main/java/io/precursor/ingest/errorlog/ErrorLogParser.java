package io.precursor.ingest.errorlog;

import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.logs.LogSource;
import io.precursor.schemas.ErrorLogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the message of one CloudWatch Logs event of a MySQL error log on its own into {@link
 * ErrorLogEntry} records, one per timestamped line, a deadlock dump folded into one entry.
 *
 * <p>Lines without a timestamp continue the entry before them and are folded into its message, as
 * are the detail lines of a deadlock dump (MY-012469, or 5.7's and MariaDB's {@code InnoDB: ***
 * ...}); a message is cut at a configurable length. A dump that the event does not finish is
 * emitted as far as it goes (marked FLUSHED): joining dumps across events is {@link
 * ErrorLogStreams}' job. A continuation line that opens the event becomes an entry of its own,
 * timed by the event.
 */
public final class ErrorLogParser {

  /** Room for a whole two-transaction deadlock dump with its SQL. */
  public static final int DEFAULT_MAX_MESSAGE_CHARS = 8192;

  private final int maxMessageChars;

  public ErrorLogParser() {
    this(DEFAULT_MAX_MESSAGE_CHARS);
  }

  public ErrorLogParser(int maxMessageChars) {
    if (maxMessageChars <= 0) {
      throw new IllegalArgumentException(
          "maxMessageChars must be positive, was " + maxMessageChars);
    }
    this.maxMessageChars = maxMessageChars;
  }

  /**
   * The entries of one event of an error log.
   *
   * @throws IllegalArgumentException when the source names no DB instance to key the records by
   */
  public List<ErrorLogEntry> parse(LogEvent event, LogSource source) {
    ErrorLogAssembler assembler =
        new ErrorLogAssembler(source, maxMessageChars, DumpLimits.DEFAULT);
    List<ErrorLogEntry> entries = new ArrayList<>(assembler.accept(event));
    entries.addAll(assembler.flush());
    return entries;
  }
}
