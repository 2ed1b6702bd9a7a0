package io.precursor.ingest.errorlog;

import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.logs.LogSource;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.ErrorLogKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the message of one CloudWatch Logs event of a MySQL error log into {@link ErrorLogEntry}
 * records, one per timestamped line.
 *
 * <p>Lines without a timestamp continue the entry before them in the same event and are folded into
 * its message, as are the detail lines of a deadlock dump (MY-012469, or 5.7's {@code InnoDB: ***
 * ...}) that follow a DEADLOCK entry, so one deadlock is one entry; a message is cut at a
 * configurable length. Lines that arrive in separate events cannot be joined here (that needs state
 * across events): a continuation line that opens an event becomes an entry of its own, timed by the
 * event.
 */
public final class ErrorLogParser {

  /** Room for a whole two-transaction deadlock dump with its SQL. */
  public static final int DEFAULT_MAX_MESSAGE_CHARS = 8192;

  private static final Pattern DEADLOCK_DETAIL = Pattern.compile("\\*\\*\\*|$");

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
    if (!source.hasInstance()) {
      throw new IllegalArgumentException(
          "log group " + source.logGroup() + " names no DB instance");
    }
    List<ErrorLogEntry> entries = new ArrayList<>();
    ErrorLogEntry.Builder current = null;
    StringBuilder message = null;
    for (String line : event.message().split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      Optional<ErrorLogLine> header = ErrorLogLine.parse(line);
      if (current != null && foldsInto(current, header)) {
        appendCapped(message, header.map(ErrorLogLine::message).orElse(line.stripTrailing()));
        continue;
      }
      if (current != null) {
        entries.add(current.setMessage(message.toString()).build());
      }
      ErrorLogLine parsed =
          header.orElseGet(() -> new ErrorLogLine(null, null, null, null, line.strip()));
      current =
          ErrorLogEntry.newBuilder()
              .setInstance(source.instance())
              .setCluster(source.cluster())
              .setLogGroup(source.logGroup())
              .setEventId(event.entryId(entries.size()))
              .setEventTime(parsed.time() != null ? parsed.time() : event.time())
              .setKind(ErrorLogClassifier.kindOf(parsed.errorCode(), parsed.message()))
              .setLabel(parsed.label())
              .setErrorCode(parsed.errorCode())
              .setSubsystem(parsed.subsystem());
      message = new StringBuilder();
      appendCapped(message, parsed.message());
    }
    if (current != null) {
      entries.add(current.setMessage(message.toString()).build());
    }
    return entries;
  }

  private static boolean foldsInto(ErrorLogEntry.Builder current, Optional<ErrorLogLine> header) {
    if (header.isEmpty()) {
      return true; // no timestamp: the previous line goes on
    }
    ErrorLogLine line = header.get();
    return current.getKind() == ErrorLogKind.DEADLOCK
        && ("MY-012469".equals(line.errorCode())
            || (line.errorCode() == null && DEADLOCK_DETAIL.matcher(line.message()).lookingAt()));
  }

  private void appendCapped(StringBuilder message, String text) {
    int room = maxMessageChars - message.length() - (message.isEmpty() ? 0 : 1);
    if (room <= 0) {
      return;
    }
    if (!message.isEmpty()) {
      message.append('\n');
    }
    int end = Math.min(text.length(), room);
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    message.append(text, 0, end);
  }
}
