package io.precursor.ingest.errorlog;

import io.precursor.ingest.logs.MysqlTimestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One error log line that starts with a timestamp, split into its parts.
 *
 * <p>MySQL 8: {@code 2026-11-17T09:47:12.345678Z 0 [Note] [MY-012468] [InnoDB] Transactions ...};
 * 5.7: {@code 2026-11-17T09:47:12.345678Z 0 [Note] InnoDB: Transactions ...}, where the {@code
 * InnoDB:} prefix is read as the subsystem; 5.6 and MariaDB: {@code 2016-11-17 09:47:12 1234 [Note]
 * ...} or {@code 161117 9:47:12 [Note] ...}, MariaDB padding a single-digit hour with a space
 * ({@code 2026-11-23 6:52:28 7 [Note] ...}).
 *
 * @param time null when the timestamp has the right shape but is not a real instant
 * @param label MySQL's severity label (System, ERROR, Warning, Note), null when absent
 * @param errorCode MySQL 8 error code such as MY-012468, null before 8.0
 * @param subsystem InnoDB, Server, Repl, ... null when absent
 */
record ErrorLogLine(
    Instant time, String label, String errorCode, String subsystem, String message) {

  private static final Pattern LINE =
      Pattern.compile(
          "(?<time>\\d{4}-\\d{2}-\\d{2}(?:T| {1,2})\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?"
              + "(?:Z|[+-]\\d{2}:\\d{2})?|\\d{6}\\s+\\d{1,2}:\\d{2}:\\d{2})"
              + "\\s+(?:(?:\\d+|0x[0-9a-f]+|[0-9a-f]{8,})\\s+)?" // thread id
              + "(?:\\[(?<label>[A-Za-z]+)]\\s*)?"
              + "(?:\\[(?<code>MY-\\d+)]\\s*)?"
              + "(?:\\[(?<subsystem>[A-Za-z_]+)]\\s*)?"
              + "(?<message>.*)",
          Pattern.DOTALL);
  private static final Pattern SUBSYSTEM_PREFIX =
      Pattern.compile("(InnoDB|Plugin|Slave|Repl):\\s?");

  /** The parts of a line that starts with a timestamp; empty for a continuation line. */
  static Optional<ErrorLogLine> parse(String line) {
    Matcher parts = LINE.matcher(line);
    if (!parts.matches()) {
      return Optional.empty();
    }
    String subsystem = parts.group("subsystem");
    String message = parts.group("message").strip();
    if (subsystem == null) {
      // 5.7 and earlier write the subsystem as a prefix of the message: "InnoDB: ...".
      Matcher prefix = SUBSYSTEM_PREFIX.matcher(message);
      if (prefix.lookingAt()) {
        subsystem = prefix.group(1);
        message = message.substring(prefix.end()).strip();
      }
    }
    return Optional.of(
        new ErrorLogLine(
            MysqlTimestamp.parse(parts.group("time")).orElse(null),
            parts.group("label"),
            parts.group("code"),
            subsystem,
            message));
  }
}
