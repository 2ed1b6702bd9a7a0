package io.precursor.scenarios.errorlog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One MySQL 8.0 error log line: {@code <time> <thread> [<priority>] [<code>] [<subsystem>]
 * <message>}.
 */
public record ErrorLogLine(
    Instant time, long thread, Priority priority, String code, String subsystem, String message) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** The label MySQL 8.0 prints for a line's severity. */
  public enum Priority {
    SYSTEM("System"),
    ERROR("ERROR"),
    WARNING("Warning"),
    NOTE("Note");

    private final String label;

    Priority(String label) {
      this.label = label;
    }
  }

  public String render() {
    return TIME.format(time)
        + " "
        + thread
        + " ["
        + priority.label
        + "] ["
        + code
        + "] ["
        + subsystem
        + "] "
        + message;
  }
}
