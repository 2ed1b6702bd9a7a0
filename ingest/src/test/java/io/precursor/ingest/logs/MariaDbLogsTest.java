package io.precursor.ingest.logs;

import static io.precursor.ingest.logs.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.logs.LogEventOutcome.ErrorLine;
import io.precursor.ingest.logs.LogEventOutcome.IgnoreReason;
import io.precursor.ingest.logs.LogEventOutcome.Ignored;
import io.precursor.ingest.logs.LogEventOutcome.SlowQuery;
import io.precursor.ingest.slowlog.SqlTextPolicy;
import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.ErrorLogKind;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.schemas.StatementKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The slow and error logs a real MariaDB server wrote (see {@code mariadb/README.md}), read the way
 * CloudWatch would deliver them.
 */
class MariaDbLogsTest {

  private static final String SLOW_GROUP = "/aws/rds/instance/ads-mariadb/slowquery";
  private static final String ERROR_GROUP = "/aws/rds/instance/ads-mariadb/error";
  private static final String STREAM = "ads-mariadb";
  private static final Pattern TIMESTAMPED = Pattern.compile("\\d{4}-\\d{2}-\\d{2} .*");

  private final LogEventRouter router = LogEventRouter.create(SqlTextPolicy.keptUpTo(4096));

  @Test
  void shouldParseEverySlowLogEntryOfTheServerAsOneEventEach() {
    String log = text("mariadb/slow.log");
    List<LogEvent> events = events(slowLogEntries(log));

    List<LogEventOutcome> outcomes = router.route(new LogBatch(SLOW_GROUP, STREAM, events));

    List<SlowQueryEntry> entries =
        outcomes.stream()
            .filter(SlowQuery.class::isInstance)
            .map(o -> ((SlowQuery) o).entry())
            .toList();
    assertThat(entries).hasSize(count(log, "# Query_time: "));
    assertThat(outcomes)
        .as("besides the entries, only the event holding the file banner the server opened with")
        .filteredOn(o -> !(o instanceof SlowQuery))
        .containsExactly(
            new Ignored(
                IgnoreReason.NO_ENTRIES,
                "events with only blank lines or the log file banner",
                SLOW_GROUP,
                STREAM,
                1));
    assertThat(entries).allSatisfy(e -> assertThat(e.getEventTime()).isAfter(Instant.EPOCH));
    assertThat(entries)
        .extracting(SlowQueryEntry::getStatementKind)
        .contains(
            StatementKind.DELETE,
            StatementKind.INSERT,
            StatementKind.UPDATE,
            StatementKind.REPLACE,
            StatementKind.SELECT,
            StatementKind.DDL);
    assertThat(entries)
        .filteredOn(e -> e.getStatementKind() == StatementKind.DELETE)
        .allSatisfy(
            e -> {
              assertThat(e.getTables()).containsExactly("ad_logs");
              assertThat(e.getDatabase()).isEqualTo("ads");
              assertThat(e.getRowsAffected()).isPositive();
              assertThat(e.getUser()).isEqualTo("root");
            });
    assertThat(entries)
        .filteredOn(e -> e.getStatementKind() == StatementKind.SELECT)
        .extracting(SlowQueryEntry::getLargestInList)
        .contains(220);
    // MariaDB's log_slow_verbosity=innodb,query_plan counters arrive with the entry.
    assertThat(entries)
        .flatExtracting(e -> e.getCounters().keySet())
        .contains("Bytes_sent", "Pages_accessed", "Tmp_tables", "Full_scan", "Filesort");
    assertThat(entries)
        .extracting(SlowQueryEntry::getSqlText)
        .contains("SELECT COUNT(*) FROM ad_logs WHERE note = 'café ☕'");
  }

  @Test
  void shouldParseTheWholeSlowLogFileAsOneEventTooBannersIncluded() {
    String log = text("mariadb/slow.log");

    List<LogEventOutcome> outcomes =
        router.route(new LogBatch(SLOW_GROUP, STREAM, List.of(new LogEvent("1", 0L, log))));

    assertThat(outcomes)
        .hasSize(count(log, "# Query_time: "))
        .allMatch(SlowQuery.class::isInstance);
  }

  @Test
  void shouldReassembleBothDeadlocksWhenEveryLineIsAnEventOfItsOwn() {
    List<String> lines = text("mariadb/error.log").lines().filter(l -> !l.isBlank()).toList();

    List<ErrorLogEntry> entries = errorEntries(lines);

    assertDeadlocks(entries);
  }

  @Test
  void shouldReassembleBothDeadlocksWhenEachTimestampedLineIsAnEventWithItsContinuation() {
    List<ErrorLogEntry> entries = errorEntries(timestampedLines(text("mariadb/error.log")));

    assertDeadlocks(entries);
    assertThat(entries)
        .extracting(ErrorLogEntry::getKind)
        .contains(ErrorLogKind.RESTART, ErrorLogKind.SHUTDOWN, ErrorLogKind.OTHER);
    assertThat(entries)
        .filteredOn(e -> e.getKind() == ErrorLogKind.RESTART)
        .extracting(ErrorLogEntry::getMessage)
        .anyMatch(m -> m.startsWith("Starting MariaDB 10.11"))
        .anyMatch(m -> m.contains("ready for connections.\nVersion: '10.11"));
    assertThat(entries)
        .filteredOn(e -> e.getKind() == ErrorLogKind.OTHER)
        .extracting(ErrorLogEntry::getMessage)
        .anyMatch(m -> m.startsWith("Access denied for user 'app'@'localhost'"));
  }

  private static void assertDeadlocks(List<ErrorLogEntry> entries) {
    List<ErrorLogEntry> deadlocks =
        entries.stream().filter(e -> e.getKind() == ErrorLogKind.DEADLOCK).toList();
    assertThat(deadlocks).hasSize(2);
    assertThat(deadlocks)
        .allSatisfy(
            dump -> {
              assertThat(dump.getDumpEnd()).isEqualTo(DeadlockDumpEnd.ROLLED_BACK);
              assertThat(dump.getRolledBack()).isEqualTo(1);
              assertThat(dump.getSubsystem()).isEqualTo("InnoDB");
              assertThat(dump.getLabel()).isEqualTo("Note");
              assertThat(dump.getMessage())
                  .startsWith("Transactions deadlock detected, dumping detailed information.")
                  .contains("*** (1) TRANSACTION:", "*** (2) TRANSACTION:", "*** CONFLICTING WITH:")
                  .endsWith("*** WE ROLL BACK TRANSACTION (1)");
            });
    ErrorLogEntry rows = deadlocks.get(0);
    assertThat(rows.getTables()).containsExactly("bank.accounts");
    assertThat(rows.getLockModes()).containsExactly("X locks rec but not gap");
    assertThat(rows.getMessage())
        .contains("UPDATE accounts SET balance = balance + 5 WHERE id = 1");
    ErrorLogEntry gap = deadlocks.get(1);
    assertThat(gap.getTables()).containsExactly("ads.ad_logs");
    assertThat(gap.getLockModes()).containsExactly("X insert intention", "X");
    assertThat(entries)
        .as("no line of a dump is left over as an entry of its own")
        .noneMatch(e -> e.getKind() != ErrorLogKind.DEADLOCK && e.getMessage().contains("***"));
  }

  /** Routes each group of lines as one event, one batch per event, as live delivery might. */
  private List<ErrorLogEntry> errorEntries(List<String> eventMessages) {
    List<ErrorLogEntry> entries = new ArrayList<>();
    for (LogEvent event : events(eventMessages)) {
      for (LogEventOutcome outcome :
          router.route(new LogBatch(ERROR_GROUP, STREAM, List.of(event)))) {
        if (outcome instanceof ErrorLine line) {
          entries.add(line.entry());
        }
      }
    }
    assertThat(router.holdsDeadlockDumps()).isFalse();
    return entries;
  }

  private static List<LogEvent> events(List<String> messages) {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      events.add(new LogEvent(String.valueOf(1000 + i), 1795416811000L + i, messages.get(i)));
    }
    return events;
  }

  /** The entries of a slow log as CloudWatch publishes them: one event each, from its header. */
  private static List<String> slowLogEntries(String log) {
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
    entries.add(entry.toString());
    return entries;
  }

  /** Each timestamped error log line with the lines without a timestamp that follow it. */
  private static List<String> timestampedLines(String log) {
    List<String> events = new ArrayList<>();
    StringBuilder event = new StringBuilder();
    for (String line : log.lines().toList()) {
      if (TIMESTAMPED.matcher(line).matches() && !event.isEmpty()) {
        events.add(event.toString());
        event.setLength(0);
      }
      event.append(line).append('\n');
    }
    events.add(event.toString());
    return events;
  }

  private static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }
}
