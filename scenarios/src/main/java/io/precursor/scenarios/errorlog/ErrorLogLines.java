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

  /**
   * The dump {@code innodb_print_all_deadlocks} writes for two transactions that deadlocked on
   * {@code table}'s {@code index}, one line per section (its detail lines follow it in the same
   * event); InnoDB rolls back the second. The lines are a millisecond apart.
   */
  public static List<ErrorLogLine> deadlockDump(
      Instant at, long transaction, Deadlock first, Deadlock second, String table, String index) {
    String quoted = "`" + table.replace(".", "`.`") + "`";
    String lock =
        "RECORD LOCKS space id 412 page no "
            + (transaction % 9_000 + 100)
            + " n bits 200 index "
            + index
            + " of table "
            + quoted
            + " trx id ";
    List<ErrorLogLine> lines = new ArrayList<>();
    lines.add(
        deadlockLine(
            at, "MY-012468", "Transactions deadlock detected, dumping detailed information."));
    lines.add(
        deadlockLine(
            at.plusMillis(1), "MY-012469", "*** (1) TRANSACTION:\n" + first.describe(transaction)));
    lines.add(
        deadlockLine(
            at.plusMillis(2),
            "MY-012469",
            "*** (1) HOLDS THE LOCK(S):\n"
                + lock
                + transaction
                + " lock mode S locks gap before rec"));
    lines.add(
        deadlockLine(
            at.plusMillis(3),
            "MY-012469",
            "*** (1) WAITING FOR THIS LOCK TO BE GRANTED:\n"
                + lock
                + transaction
                + " lock_mode X locks gap before rec insert intention waiting"));
    lines.add(
        deadlockLine(
            at.plusMillis(4),
            "MY-012469",
            "*** (2) TRANSACTION:\n" + second.describe(transaction + 1)));
    lines.add(
        deadlockLine(
            at.plusMillis(5),
            "MY-012469",
            "*** (2) HOLDS THE LOCK(S):\n"
                + lock
                + (transaction + 1)
                + " lock mode S locks gap before rec"));
    lines.add(
        deadlockLine(
            at.plusMillis(6),
            "MY-012469",
            "*** (2) WAITING FOR THIS LOCK TO BE GRANTED:\n"
                + lock
                + (transaction + 1)
                + " lock_mode X locks gap before rec insert intention waiting"));
    lines.add(deadlockLine(at.plusMillis(7), "MY-012469", "*** WE ROLL BACK TRANSACTION (2)"));
    return lines;
  }

  /** One side of a deadlock: the connection and the statement it was running. */
  public record Deadlock(long threadId, String ip, String user, String sql) {
    String describe(long transaction) {
      return "TRANSACTION "
          + transaction
          + ", ACTIVE 0 sec inserting\n"
          + "mysql tables in use 1, locked 1\n"
          + "LOCK WAIT 3 lock struct(s), heap size 1128, 2 row lock(s)\n"
          + "MySQL thread id "
          + threadId
          + ", OS thread handle 70368744177664, query id "
          + (transaction % 100_000)
          + " "
          + ip
          + " "
          + user
          + " update\n"
          + sql;
    }
  }

  private static ErrorLogLine deadlockLine(Instant at, String code, String message) {
    return new ErrorLogLine(at, 0, Priority.NOTE, code, "InnoDB", message);
  }
}
