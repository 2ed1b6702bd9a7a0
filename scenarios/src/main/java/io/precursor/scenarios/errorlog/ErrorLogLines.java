package io.precursor.scenarios.errorlog;

import io.precursor.scenarios.errorlog.ErrorLogLine.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The error log lines an Aurora MySQL 3 instance writes in the situations scenarios need. */
public final class ErrorLogLines {

  private ErrorLogLines() {}

  /**
   * A client that went away mid-conversation, e.g. an application timing out on a stalled instance.
   */
  public static ErrorLogLine abortedConnection(
      Instant at, long connectionId, String database, String user, String ip) {
    return new ErrorLogLine(
        at,
        connectionId,
        Priority.NOTE,
        "MY-010914",
        "Server",
        "Aborted connection "
            + connectionId
            + " to db: '"
            + database
            + "' user: '"
            + user
            + "' host: '"
            + ip
            + "' (Got an error reading communication packets).");
  }

  /** {@code count} aborted connections spread at random over {@code [from, until)}. */
  public static List<ErrorLogLine> abortedConnections(
      Random random,
      Instant from,
      Instant until,
      int count,
      long firstConnectionId,
      String database,
      String user,
      List<String> ips) {
    long spanMicros = Duration.between(from, until).toNanos() / 1_000;
    List<ErrorLogLine> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant at = from.plusNanos((long) (random.nextDouble() * spanMicros) * 1_000);
      long connection = firstConnectionId + random.nextInt(500);
      lines.add(abortedConnection(at, connection, database, user, ips.get(i % ips.size())));
    }
    return lines;
  }

  /**
   * The lines mysqld writes when it starts, e.g. after a failover restarted the instance; they span
   * about six seconds from {@code at}.
   */
  public static List<ErrorLogLine> serverStart(Instant at, String mysqlVersion, long processId) {
    return List.of(
        new ErrorLogLine(
            at,
            0,
            Priority.SYSTEM,
            "MY-010116",
            "Server",
            "/rdsdbbin/oscar/bin/mysqld (mysqld "
                + mysqlVersion
                + ") starting as process "
                + processId),
        new ErrorLogLine(
            at.plusMillis(412),
            1,
            Priority.SYSTEM,
            "MY-013576",
            "InnoDB",
            "InnoDB initialization has started."),
        new ErrorLogLine(
            at.plusMillis(4_873),
            1,
            Priority.SYSTEM,
            "MY-013577",
            "InnoDB",
            "InnoDB initialization has ended."),
        new ErrorLogLine(
            at.plusMillis(6_105),
            0,
            Priority.SYSTEM,
            "MY-010931",
            "Server",
            "/rdsdbbin/oscar/bin/mysqld: ready for connections. Version: '"
                + mysqlVersion
                + "'  socket: '/tmp/mysql.sock'  port: 3306  Source distribution."));
  }
}
