package io.precursor.scenarios.awscli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Timestamps as AWS CLI v2 prints them (Python's {@code isoformat}): {@code
 * 2026-11-17T09:47:00+00:00}, with six fraction digits only when there is a fraction.
 */
public final class CliTimestamp {

  private static final DateTimeFormatter WHOLE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter FRACTION =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private CliTimestamp() {}

  public static String format(Instant instant) {
    return instant.getNano() / 1_000 == 0 ? WHOLE.format(instant) : FRACTION.format(instant);
  }
}
