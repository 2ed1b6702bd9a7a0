package io.precursor.alerting.slack;

import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How kinds, severities, times and amounts read in a Slack message. */
public final class Phrasing {

  private static final DateTimeFormatter UTC_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter UTC_SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter UTC_CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Phrasing() {}

  /** The precursor kind in words, e.g. "bulk DML memory pressure". */
  public static String kind(PrecursorKind kind) {
    return switch (kind) {
      case BULK_DML_MEMORY_PRESSURE -> "bulk DML memory pressure";
      case FULL_SCAN_STORM -> "full-scan storm";
      case WRITE_IO_SATURATION -> "write I/O saturation";
      case DEADLOCK_STORM -> "deadlock storm";
      case OVERSIZED_TRANSACTION -> "oversized transaction";
      case CPU_CREDIT_EXHAUSTION -> "CPU credit exhaustion";
      case REPLICA_LAG_GROWTH -> "replica lag growth";
      case UNKNOWN -> "unrecognised precursor";
    };
  }

  /** The severity as a word with a capital, e.g. "Critical". */
  public static String severity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "Critical";
      case WARNING -> "Warning";
      case INFO -> "Info";
    };
  }

  /** The emoji code that leads a message of this severity. */
  public static String severityEmoji(Severity severity) {
    return switch (severity) {
      case CRITICAL -> ":rotating_light:";
      case WARNING -> ":warning:";
      case INFO -> ":information_source:";
    };
  }

  /** An instant in UTC to the second, e.g. "2026-03-03 09:27:00 UTC". */
  public static String utc(Instant time) {
    return UTC_SECOND.format(time) + " UTC";
  }

  /** A window in UTC, the date said once when both ends fall on the same day. */
  public static String window(Instant start, Instant end) {
    String from = UTC_MINUTE.format(start);
    boolean sameDay = from.substring(0, 10).equals(UTC_MINUTE.format(end).substring(0, 10));
    String to = sameDay ? UTC_CLOCK.format(end) : UTC_MINUTE.format(end);
    return from + "–" + to + " UTC (" + duration(Duration.between(start, end)) + ")";
  }

  /** A duration as people say it: "45 s", "23 min", "1 h 05 min", "2 d 3 h". */
  public static String duration(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      long minutes = seconds / 60;
      long rest = seconds % 60;
      return minutes < 10 && rest != 0 ? minutes + " min " + rest + " s" : minutes + " min";
    }
    if (seconds < 86_400) {
      return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }
    return (seconds / 86_400) + " d " + (seconds % 86_400) / 3600 + " h";
  }

  /** A count kept short: "950", "12.3K", "81.2M". */
  public static String count(long value) {
    long abs = Math.abs(value);
    if (abs < 10_000) {
      return Long.toString(value);
    }
    String[] suffixes = {"K", "M", "G", "T", "P", "E"};
    double scaled = value;
    int i = -1;
    while (Math.abs(scaled) >= 1000 && i < suffixes.length - 1) {
      scaled /= 1000;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f%s", scaled, suffixes[i]);
  }
}
