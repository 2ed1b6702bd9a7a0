package io.precursor.scenarios.slowlog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Renders entries exactly as MySQL 8.0 / Aurora MySQL 3 write them to a FILE slow query log. */
public final class SlowLogFormat {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private SlowLogFormat() {}

  /**
   * One entry; {@code use db;} is written only when {@code changesDatabase}, as MySQL does when the
   * statement's database differs from the previous entry's in the same file.
   */
  public static String entry(SlowQuery query, boolean changesDatabase) {
    StringBuilder out = new StringBuilder(256 + query.sql().length());
    out.append("# Time: ").append(TIME.format(query.loggedAt())).append('\n');
    ClientSession session = query.session();
    out.append("# User@Host: ")
        .append(session.user())
        .append('[')
        .append(session.user())
        .append("] @  [")
        .append(session.ip())
        .append("]  Id: ")
        .append(String.format(Locale.ROOT, "%5d", session.threadId()))
        .append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "# Query_time: %.6f  Lock_time: %.6f Rows_sent: %d  Rows_examined: %d\n",
            query.queryTime(),
            query.lockTime(),
            query.rowsSent(),
            query.rowsExamined()));
    if (changesDatabase) {
      out.append("use ").append(query.database()).append(";\n");
    }
    out.append("SET timestamp=").append(startSecond(query)).append(";\n");
    out.append(query.sql());
    if (!query.sql().endsWith(";")) {
      out.append(';');
    }
    return out.toString();
  }

  // SET timestamp is when the statement started, in whole seconds.
  private static long startSecond(SlowQuery query) {
    long micros = Math.round(query.queryTime() * 1_000_000d);
    return query
        .loggedAt()
        .truncatedTo(ChronoUnit.MICROS)
        .minus(micros, ChronoUnit.MICROS)
        .getEpochSecond();
  }

  static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
