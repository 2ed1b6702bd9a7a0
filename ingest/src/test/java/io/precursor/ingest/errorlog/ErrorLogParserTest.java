package io.precursor.ingest.errorlog;

import static io.precursor.ingest.logs.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.logs.LogSource;
import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.ErrorLogKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorLogParserTest {

  private static final LogSource SOURCE =
      LogSource.of("/aws/rds/cluster/bank-prod/error", "bank-prod-instance-1");
  private static final long EVENT_TIME = 1794908900000L;

  private final ErrorLogParser parser = new ErrorLogParser();

  @Test
  void shouldSplitAMysql8LineIntoLabelCodeSubsystemAndMessage() {
    ErrorLogEntry entry =
        onlyEntry(
            "2026-11-17T09:50:31.000004Z 0 [System] [MY-010931] [Server] /rdsdbbin/mysql/bin/mysqld:"
                + " ready for connections. Version: '8.0.28'  socket: '/tmp/mysql.sock'  port: 3306");

    assertThat(entry.getInstance()).isEqualTo("bank-prod-instance-1");
    assertThat(entry.getCluster()).isEqualTo("bank-prod");
    assertThat(entry.getLogGroup()).isEqualTo("/aws/rds/cluster/bank-prod/error");
    assertThat(entry.getEventId()).isEqualTo("e1");
    assertThat(entry.getEventTime()).isEqualTo(Instant.parse("2026-11-17T09:50:31Z"));
    assertThat(entry.getLabel()).isEqualTo("System");
    assertThat(entry.getErrorCode()).isEqualTo("MY-010931");
    assertThat(entry.getSubsystem()).isEqualTo("Server");
    assertThat(entry.getMessage()).startsWith("/rdsdbbin/mysql/bin/mysqld: ready for connections.");
    assertThat(entry.getKind()).isEqualTo(ErrorLogKind.RESTART);
  }

  @Test
  void shouldFoldAMysql8DeadlockDumpIntoOneDeadlockEntry() {
    ErrorLogEntry entry = onlyEntry(text("errorlog/mysql80-deadlock.log"));

    assertThat(entry.getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
    assertThat(entry.getErrorCode()).isEqualTo("MY-012468");
    assertThat(entry.getSubsystem()).isEqualTo("InnoDB");
    assertThat(entry.getLabel()).isEqualTo("Note");
    assertThat(entry.getEventTime()).isEqualTo(Instant.parse("2026-11-17T09:47:12.345Z"));
    assertThat(entry.getMessage())
        .startsWith(
            "Transactions deadlock detected, dumping detailed information.\n*** (1) TRANSACTION:\n")
        .contains("UPDATE accounts SET balance = balance - 10 WHERE id = 1")
        .endsWith("*** WE ROLL BACK TRANSACTION (2)");
  }

  @Test
  void shouldFoldAMysql57DeadlockDumpAndKeepTheNextLineApart() {
    List<ErrorLogEntry> entries = parse(text("errorlog/mysql57-deadlock.log"));

    assertThat(entries).hasSize(2);
    ErrorLogEntry deadlock = entries.get(0);
    assertThat(deadlock.getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
    assertThat(deadlock.getLabel()).isEqualTo("Note");
    assertThat(deadlock.getSubsystem()).isEqualTo("InnoDB");
    assertThat(deadlock.getErrorCode()).isNull();
    assertThat(deadlock.getMessage())
        .startsWith("Transactions deadlock detected, dumping detailed information.")
        .contains("*** (1) TRANSACTION:")
        .endsWith("*** WE ROLL BACK TRANSACTION (2)");
    ErrorLogEntry aborted = entries.get(1);
    assertThat(aborted.getKind()).isEqualTo(ErrorLogKind.OTHER);
    assertThat(aborted.getEventId()).isEqualTo("e1#1");
    assertThat(aborted.getMessage()).startsWith("Aborted connection 81240");
  }

  @Test
  void shouldRecogniseOutOfMemoryLines() {
    List<ErrorLogEntry> entries = parse(text("errorlog/out-of-memory.log"));

    assertThat(entries)
        .extracting(ErrorLogEntry::getKind)
        .containsExactly(
            ErrorLogKind.OUT_OF_MEMORY,
            ErrorLogKind.OUT_OF_MEMORY,
            ErrorLogKind.OUT_OF_MEMORY,
            ErrorLogKind.OUT_OF_MEMORY);
    assertThat(entries.get(1).getErrorCode()).isEqualTo("MY-001041");
    ErrorLogEntry mysql56 = entries.get(3);
    assertThat(mysql56.getEventTime()).isEqualTo(Instant.parse("2016-11-17T09:48:02Z"));
    assertThat(mysql56.getSubsystem()).isEqualTo("InnoDB");
    assertThat(mysql56.getMessage()).startsWith("Error: cannot allocate 1048576 bytes");
  }

  @Test
  void shouldRecogniseShutdownAndRestartOfMysql8() {
    List<ErrorLogEntry> entries = parse(text("errorlog/mysql80-restart.log"));

    assertThat(entries)
        .extracting(ErrorLogEntry::getKind)
        .containsExactly(
            ErrorLogKind.SHUTDOWN,
            ErrorLogKind.SHUTDOWN,
            ErrorLogKind.RESTART,
            ErrorLogKind.RESTART);
    assertThat(entries)
        .extracting(ErrorLogEntry::getEventId)
        .containsExactly("e1", "e1#1", "e1#2", "e1#3");
  }

  @Test
  void shouldRecogniseShutdownAndRestartOfMysql57() {
    List<ErrorLogEntry> entries = parse(text("errorlog/mysql57-shutdown.log"));

    assertThat(entries)
        .extracting(ErrorLogEntry::getKind)
        .containsExactly(ErrorLogKind.SHUTDOWN, ErrorLogKind.RESTART, ErrorLogKind.RESTART);
    assertThat(entries.get(0).getLabel()).isEqualTo("Note");
    assertThat(entries.get(0).getSubsystem()).isNull();
  }

  @Test
  void shouldRecogniseRefusedConnections() {
    List<ErrorLogEntry> entries =
        parse(
            String.join(
                "\n",
                "2026-11-17T09:46:00.000001Z 0 [Warning] [MY-001040] [Server] Too many connections",
                "2016-11-17 09:46:01 1234 [Warning] Too many connections",
                "2026-11-17T09:46:02.000001Z 91 [ERROR] [MY-001203] [Server] User app already has"
                    + " more than 'max_user_connections' active connections",
                // MariaDB names the setting when it starts; nothing was refused.
                "2026-11-23  6:52:08 0 [Warning] Changed limits: max_open_files: 1024"
                    + "  max_connections: 151 (was 151)  table_cache: 421 (was 2000)"));

    assertThat(entries)
        .extracting(ErrorLogEntry::getKind)
        .containsExactly(
            ErrorLogKind.TOO_MANY_CONNECTIONS,
            ErrorLogKind.TOO_MANY_CONNECTIONS,
            ErrorLogKind.TOO_MANY_CONNECTIONS,
            ErrorLogKind.OTHER);
  }

  @Test
  void shouldReadMariaDbLinesWithTheHourPaddedBySpace() {
    List<ErrorLogEntry> entries =
        parse(
            String.join(
                "\n",
                "2026-11-23  6:53:31 0 [Note] Starting MariaDB 10.11.19-MariaDB-0+deb12u1-log"
                    + " source revision 5843d847 as process 31249",
                "2026-11-23  6:53:31 0 [Note] mariadbd: ready for connections.",
                "Version: '10.11.19-MariaDB-0+deb12u1-log'  socket: '/tmp/mdb.sock'  port: 0",
                "2026-11-23 16:53:34 0 [Note] mariadbd: Shutdown complete"));

    assertThat(entries)
        .extracting(ErrorLogEntry::getKind)
        .containsExactly(ErrorLogKind.RESTART, ErrorLogKind.RESTART, ErrorLogKind.SHUTDOWN);
    assertThat(entries.get(0).getEventTime()).isEqualTo(Instant.parse("2026-11-23T06:53:31Z"));
    assertThat(entries.get(1).getMessage()).endsWith("port: 0");
    assertThat(entries.get(2).getEventTime()).isEqualTo(Instant.parse("2026-11-23T16:53:34Z"));
    assertThat(entries.get(2).getLabel()).isEqualTo("Note");
  }

  @Test
  void shouldEmitADumpTheEventDoesNotFinishAsFlushed() {
    ErrorLogEntry entry =
        onlyEntry(
            "2026-11-17T09:47:12.345678Z 0 [Note] [MY-012468] [InnoDB] Transactions deadlock"
                + " detected, dumping detailed information.");

    assertThat(entry.getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
    assertThat(entry.getDumpEnd()).isEqualTo(DeadlockDumpEnd.FLUSHED);
  }

  @Test
  void shouldMakeAnEntryOfAContinuationLineThatOpensAnEvent() {
    ErrorLogEntry entry = onlyEntry("LATEST DETECTED DEADLOCK");

    assertThat(entry.getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
    assertThat(entry.getEventTime()).isEqualTo(Instant.ofEpochMilli(EVENT_TIME));
    assertThat(entry.getLabel()).isNull();
    assertThat(entry.getErrorCode()).isNull();
  }

  @Test
  void shouldKeepADumpLineThatArrivesAloneAsAnOtherEntry() {
    ErrorLogEntry entry =
        onlyEntry("2026-11-17T09:47:12.345721Z 0 [Note] [MY-012469] [InnoDB] *** (1) TRANSACTION:");

    // Counting it as a deadlock would count one deadlock many times.
    assertThat(entry.getKind()).isEqualTo(ErrorLogKind.OTHER);
    assertThat(entry.getErrorCode()).isEqualTo("MY-012469");
  }

  @Test
  void shouldCapAFoldedMessage() {
    ErrorLogParser small = new ErrorLogParser(80);

    List<ErrorLogEntry> entries =
        small.parse(new LogEvent("e1", EVENT_TIME, text("errorlog/mysql80-deadlock.log")), SOURCE);

    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).getMessage())
        .hasSize(80)
        .startsWith("Transactions deadlock detected");
  }

  @Test
  void shouldFindNoEntryInABlankEvent() {
    assertThat(parse(" \n\n")).isEmpty();
  }

  @Test
  void shouldRefuseASourceWithoutInstance() {
    LogSource unknown = LogSource.of("/aws/lambda/x", "s");

    assertThatThrownBy(() -> parser.parse(new LogEvent("e1", EVENT_TIME, "x"), unknown))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<ErrorLogEntry> parse(String message) {
    return parser.parse(new LogEvent("e1", EVENT_TIME, message), SOURCE);
  }

  private ErrorLogEntry onlyEntry(String message) {
    List<ErrorLogEntry> entries = parse(message);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }
}
