package io.precursor.ingest.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamps MySQL writes in its slow and error logs, read as instants.
 *
 * <p>5.7 and 8.0 write ISO 8601 ({@code 2026-11-17T09:12:03.123456Z}, or with an offset when {@code
 * log_timestamps=SYSTEM}); 5.6 and MariaDB write {@code 161117 9:12:03} or {@code 2016-11-17
 * 09:12:03} in the server's time zone, MariaDB's error log with the hour padded by a space ({@code
 * 2026-11-23 6:52:28}). Those have no zone, and are read as UTC, the time zone of RDS and Aurora
 * servers.
 */
public final class MysqlTimestamp {

  private static final Pattern SHORT =
      Pattern.compile("(\\d{2})(\\d{2})(\\d{2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");
  // MariaDB pads the hour with a space ("%2d"), so a single-digit hour follows two spaces.
  private static final Pattern ISO_WITHOUT_ZONE =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:T| {1,2})(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

  private MysqlTimestamp() {}

  /** The instant the text denotes, or empty when it is not a MySQL log timestamp. */
  public static Optional<Instant> parse(String text) {
    String value = text.trim();
    Instant utc = utcIso(value);
    if (utc != null) {
      return Optional.of(utc);
    }
    try {
      Matcher shortForm = SHORT.matcher(value);
      if (shortForm.matches()) {
        return Optional.of(utc(shortForm, 2000 + Integer.parseInt(shortForm.group(1))));
      }
      Matcher withoutZone = ISO_WITHOUT_ZONE.matcher(value);
      if (withoutZone.matches()) {
        return Optional.of(utc(withoutZone, Integer.parseInt(withoutZone.group(1))));
      }
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeException e) { // includes parse errors and impossible dates
      return Optional.empty();
    }
  }

  /** Groups 2-7 of {@code parts} are month, day, hour, minute, second and fraction. */
  private static Instant utc(Matcher parts, int year) {
    String fraction = parts.group(7) == null ? "" : parts.group(7);
    return LocalDateTime.of(
            year,
            Integer.parseInt(parts.group(2)),
            Integer.parseInt(parts.group(3)),
            Integer.parseInt(parts.group(4)),
            Integer.parseInt(parts.group(5)),
            Integer.parseInt(parts.group(6)),
            fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9)))
        .toInstant(ZoneOffset.UTC);
  }

  /**
   * The form MySQL 5.7+ and Aurora write by default, {@code 2026-11-17T09:12:03.123456Z}, read
   * without a formatter (a slow log has one per entry); null for any other text, which the general
   * rules then read.
   */
  private static Instant utcIso(String value) {
    int length = value.length();
    if (length < 20 || value.charAt(length - 1) != 'Z' || length > 30 || length == 21) {
      return null;
    }
    for (int i = 0; i < 19; i++) {
      char c = value.charAt(i);
      boolean separator = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
      char expected = i == 10 ? 'T' : i == 13 || i == 16 ? ':' : '-';
      if (separator ? c != expected : c < '0' || c > '9') {
        return null;
      }
    }
    int nanos = 0;
    if (length > 20) {
      if (value.charAt(19) != '.') {
        return null;
      }
      for (int i = 20; i < length - 1; i++) {
        char c = value.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        nanos = nanos * 10 + (c - '0');
      }
      for (int i = length - 1; i < 29; i++) {
        nanos *= 10;
      }
    } else if (value.charAt(19) != 'Z') {
      return null;
    }
    try {
      return LocalDateTime.of(
              digits(value, 0, 4),
              digits(value, 5, 7),
              digits(value, 8, 10),
              digits(value, 11, 13),
              digits(value, 14, 16),
              digits(value, 17, 19),
              nanos)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // an impossible date: the general rules say so
    }
  }

  private static int digits(String value, int from, int to) {
    int number = 0;
    for (int i = from; i < to; i++) {
      number = number * 10 + (value.charAt(i) - '0');
    }
    return number;
  }
}
