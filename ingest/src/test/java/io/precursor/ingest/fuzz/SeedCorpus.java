package io.precursor.ingest.fuzz;

import io.precursor.ingest.logs.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The real log texts and records the fuzz cases start from: every fixture the parsers are tested
 * on.
 */
final class SeedCorpus {

  private static final List<String> SLOW_LOGS =
      List.of(
          "slowlog/mariadb.log",
          "slowlog/mysql56-without-time.log",
          "slowlog/mysql56.log",
          "slowlog/mysql57.log",
          "slowlog/mysql80-log-slow-extra.log",
          "slowlog/percona-extra-headers.log",
          "slowlog/rds-banner-only.log",
          "slowlog/rds-banner-then-entry.log",
          "slowlog/three-entries.log",
          "slowlog/truncated-between-good.log",
          "mariadb/slow.log");
  private static final List<String> ERROR_LOGS =
      List.of(
          "errorlog/mysql57-deadlock.log",
          "errorlog/mysql57-shutdown.log",
          "errorlog/mysql80-deadlock.log",
          "errorlog/mysql80-restart.log",
          "errorlog/out-of-memory.log",
          "mariadb/error.log");

  /** Log group names: the forms Precursor reads, the ones it ignores, and malformed ones. */
  static final List<String> LOG_GROUPS =
      List.of(
          "/aws/rds/cluster/orders-prod/slowquery",
          "/aws/rds/cluster/orders-prod/error",
          "/aws/rds/instance/billing-db/slowquery",
          "/aws/rds/instance/billing-db/error",
          "/aws/rds/cluster/orders-prod/general",
          "/aws/rds/cluster/orders-prod/audit",
          "/aws/rds/cluster/orders-prod/postgresql",
          "/aws/rds/cluster//error",
          "/aws/rds/cluster/orders-prod/error/extra",
          "/aws/rds/instance//slowquery",
          "/aws/lambda/x",
          "",
          "/");

  static final List<String> LOG_STREAMS =
      List.of("orders-prod-instance-1", "orders-prod-instance-2", "", " ", "billing-db");

  final List<String> slowLogTexts;
  final List<String> slowLogEntries;
  final List<String> shortSlowLogEntries;
  final List<String> errorLogTexts;
  final List<String> errorLogLines;
  final String rdsEvent = Fixtures.text("subscription/rds-cluster-failover-event.json");
  final String controlMessage = Fixtures.text("subscription/control-message.json");
  final String slowQueryMessage = Fixtures.text("subscription/slowquery-data-message.json");

  SeedCorpus() {
    slowLogTexts = SLOW_LOGS.stream().map(Fixtures::text).toList();
    errorLogTexts = ERROR_LOGS.stream().map(Fixtures::text).toList();
    slowLogEntries = slowLogTexts.stream().flatMap(t -> splitSlowLog(t).stream()).toList();
    shortSlowLogEntries = slowLogEntries.stream().filter(e -> e.length() <= 1_500).toList();
    errorLogLines = errorLogTexts.stream().flatMap(String::lines).toList();
  }

  /**
   * Mostly one short entry; now and then a long one (a multi-row INSERT of several KB) or a whole
   * file (up to 60 KB) as one event, rarely so the run stays short.
   */
  String anySlowLogText(Random random) {
    int dice = random.nextInt(400);
    return dice == 0
        ? pick(random, slowLogTexts)
        : pick(random, dice < 40 ? slowLogEntries : shortSlowLogEntries);
  }

  /** A few consecutive lines, now and then a whole file as one event. */
  String anyErrorLogText(Random random) {
    if (random.nextInt(200) == 0) {
      return pick(random, errorLogTexts);
    }
    int from = random.nextInt(errorLogLines.size());
    int to = Math.min(errorLogLines.size(), from + 1 + random.nextInt(6));
    return String.join("\n", errorLogLines.subList(from, to));
  }

  static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** A slow log's entries as CloudWatch publishes them, one text each, split at their headers. */
  private static List<String> splitSlowLog(String log) {
    List<String> entries = new ArrayList<>();
    StringBuilder entry = new StringBuilder();
    String previous = "";
    for (String line : log.lines().toList()) {
      boolean starts =
          line.startsWith("# Time: ")
              || (line.startsWith("# User@Host: ") && !previous.startsWith("# Time: "));
      if (starts && !entry.isEmpty()) {
        entries.add(entry.toString());
        entry.setLength(0);
      }
      entry.append(line).append('\n');
      previous = line;
    }
    if (!entry.isEmpty()) {
      entries.add(entry.toString());
    }
    return entries;
  }
}
