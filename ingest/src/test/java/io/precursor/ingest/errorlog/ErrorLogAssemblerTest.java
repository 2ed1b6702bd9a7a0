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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorLogAssemblerTest {

  private static final LogSource SOURCE =
      LogSource.of("/aws/rds/cluster/bank-prod/error", "bank-prod-instance-1");
  private static final long EVENT_TIME = 1794908900000L;
  private static final String MYSQL8_HEADER =
      "2026-11-17T09:47:12.345678Z 0 [Note] [MY-012468] [InnoDB] Transactions deadlock detected,"
          + " dumping detailed information.";

  private final ErrorLogAssembler assembler =
      new ErrorLogAssembler(SOURCE, ErrorLogParser.DEFAULT_MAX_MESSAGE_CHARS, DumpLimits.DEFAULT);

  @Test
  void shouldJoinAMysql8DumpWhoseLinesArriveOneEventEach() {
    List<String> lines = lines("errorlog/mysql80-deadlock.log");

    List<ErrorLogEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<ErrorLogEntry> completed = assembler.accept(event("e" + i, lines.get(i)));
      if (i < lines.size() - 1) {
        assertThat(completed).as("line %d completes nothing", i).isEmpty();
        assertThat(assembler.holdsDump()).isTrue();
      }
      entries.addAll(completed);
    }

    ErrorLogEntry dump = onlyEntry(entries);
    assertThat(dump.getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
    assertThat(dump.getEventId()).isEqualTo("e0");
    assertThat(dump.getEventTime()).isEqualTo(Instant.parse("2026-11-17T09:47:12.345Z"));
    assertThat(dump.getErrorCode()).isEqualTo("MY-012468");
    assertThat(dump.getDumpEnd()).isEqualTo(DeadlockDumpEnd.ROLLED_BACK);
    assertThat(dump.getTables()).containsExactly("bank.accounts");
    assertThat(dump.getLockModes()).containsExactly("X locks rec but not gap");
    assertThat(dump.getRolledBack()).isEqualTo(2);
    assertThat(dump.getMessage())
        .isEqualTo(
            new ErrorLogParser()
                .parse(event("x", text("errorlog/mysql80-deadlock.log")), SOURCE)
                .get(0)
                .getMessage())
        .endsWith("*** WE ROLL BACK TRANSACTION (2)");
    assertThat(assembler.holdsDump()).isFalse();
  }

  @Test
  void shouldJoinAMysql57DumpSplitBetweenTwoEventsAndKeepTheNextLineApart() {
    List<String> lines = lines("errorlog/mysql57-deadlock.log");

    List<ErrorLogEntry> first =
        assembler.accept(event("e1", String.join("\n", lines.subList(0, 4))));
    List<ErrorLogEntry> second =
        assembler.accept(event("e2", String.join("\n", lines.subList(4, lines.size()))));

    assertThat(first).isEmpty();
    assertThat(second).hasSize(2);
    ErrorLogEntry dump = second.get(0);
    assertThat(dump.getEventId()).isEqualTo("e1");
    assertThat(dump.getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
    assertThat(dump.getSubsystem()).isEqualTo("InnoDB");
    assertThat(dump.getDumpEnd()).isEqualTo(DeadlockDumpEnd.ROLLED_BACK);
    assertThat(dump.getTables()).containsExactly("bank.accounts");
    assertThat(dump.getMessage()).contains("UPDATE accounts SET balance = balance - 10");
    ErrorLogEntry aborted = second.get(1);
    assertThat(aborted.getEventId()).as("the first entry that event e2 starts").isEqualTo("e2");
    assertThat(aborted.getKind()).isEqualTo(ErrorLogKind.OTHER);
    assertThat(aborted.getMessage()).startsWith("Aborted connection 81240");
  }

  @Test
  void shouldEndAHeldDumpAsInterruptedWhenAnUnrelatedLineArrives() {
    assembler.accept(event("e1", MYSQL8_HEADER));

    List<ErrorLogEntry> entries =
        assembler.accept(
            event(
                "e2",
                "2026-11-17T09:47:13.000001Z 81240 [Note] [MY-010914] [Server] Aborted connection"
                    + " 81240 to db: 'bank'"));

    assertThat(entries)
        .extracting(ErrorLogEntry::getKind, ErrorLogEntry::getDumpEnd, ErrorLogEntry::getEventId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ErrorLogKind.DEADLOCK, DeadlockDumpEnd.INTERRUPTED, "e1"),
            org.assertj.core.groups.Tuple.tuple(ErrorLogKind.OTHER, null, "e2"));
    assertThat(assembler.holdsDump()).isFalse();
  }

  @Test
  void shouldEndAHeldDumpWhenTheNextDumpBegins() {
    assembler.accept(event("e1", MYSQL8_HEADER));

    List<ErrorLogEntry> entries = assembler.accept(event("e2", MYSQL8_HEADER));

    ErrorLogEntry interrupted = onlyEntry(entries);
    assertThat(interrupted.getEventId()).isEqualTo("e1");
    assertThat(interrupted.getDumpEnd()).isEqualTo(DeadlockDumpEnd.INTERRUPTED);
    assertThat(assembler.holdsDump()).as("the second dump waits for its lines").isTrue();
    assertThat(onlyEntry(assembler.flush()).getEventId()).isEqualTo("e2");
  }

  @Test
  void shouldFlushAHeldDumpAsFarAsItWasRead() {
    assembler.accept(event("e1", MYSQL8_HEADER));
    assembler.accept(
        event(
            "e2",
            "2026-11-17T09:47:12.345760Z 0 [Note] [MY-012469] [InnoDB] *** (1) WAITING FOR THIS"
                + " LOCK TO BE GRANTED:\n"
                + "TABLE LOCK table `Shop`.`Order``Lines` trx id 77 lock mode IX waiting"));

    ErrorLogEntry flushed = onlyEntry(assembler.flush());

    assertThat(flushed.getDumpEnd()).isEqualTo(DeadlockDumpEnd.FLUSHED);
    assertThat(flushed.getTables()).containsExactly("shop.order`lines");
    assertThat(flushed.getLockModes()).containsExactly("IX");
    assertThat(flushed.getRolledBack()).isNull();
    assertThat(assembler.flush()).isEmpty();
  }

  @Test
  void shouldCutADumpAtTheLineLimitAndReadTheRestAsEntriesOfTheirOwn() {
    ErrorLogAssembler small = new ErrorLogAssembler(SOURCE, 8192, new DumpLimits(3, 1_000_000));
    String detail =
        "2026-11-17T09:47:12.345721Z 0 [Note] [MY-012469] [InnoDB] *** (1) TRANSACTION:";

    List<ErrorLogEntry> entries =
        small.accept(
            event("e1", String.join("\n", MYSQL8_HEADER, detail, "line 3", "line 4", detail)));

    assertThat(entries).hasSize(2);
    ErrorLogEntry cut = entries.get(0);
    assertThat(cut.getDumpEnd()).isEqualTo(DeadlockDumpEnd.CUT);
    assertThat(cut.getMessage().lines()).hasSize(4);
    assertThat(entries.get(1).getKind())
        .as("a dump line after the cut is not counted as another deadlock")
        .isEqualTo(ErrorLogKind.OTHER);
    assertThat(entries.get(1).getEventId()).isEqualTo("e1#1");
    assertThat(small.holdsDump()).isFalse();
  }

  @Test
  void shouldCutADumpAtTheSizeLimit() {
    ErrorLogAssembler small = new ErrorLogAssembler(SOURCE, 8192, new DumpLimits(1_000, 200));

    List<ErrorLogEntry> entries = small.accept(event("e1", MYSQL8_HEADER + "\n" + "x".repeat(300)));

    assertThat(onlyEntry(entries).getDumpEnd()).isEqualTo(DeadlockDumpEnd.CUT);
  }

  @Test
  void shouldStartADumpAtTheMonitorsDeadlockSectionAndTakeItsTime() {
    String monitor =
        String.join(
            "\n",
            "2026-11-17T09:47:30.000001Z 0 [Note] InnoDB: INNODB MONITOR OUTPUT",
            "------------------------",
            "LATEST DETECTED DEADLOCK",
            "------------------------",
            "2026-11-17 09:47:12 0x7f4bd8123700",
            "*** (1) TRANSACTION:",
            "RECORD LOCKS space id 58 page no 4 n bits 72 index idx_a of table `bank`.`accounts`"
                + " trx id 4242427 lock_mode X waiting",
            "*** WE ROLL BACK TRANSACTION (1)",
            "------------",
            "TRANSACTIONS");

    List<ErrorLogEntry> entries = assembler.accept(event("e1", monitor));

    assertThat(entries)
        .extracting(ErrorLogEntry::getKind)
        .containsExactly(ErrorLogKind.OTHER, ErrorLogKind.DEADLOCK, ErrorLogKind.OTHER);
    ErrorLogEntry dump = entries.get(1);
    assertThat(dump.getEventTime()).isEqualTo(Instant.parse("2026-11-17T09:47:12Z"));
    assertThat(dump.getEventId()).isEqualTo("e1#1");
    assertThat(dump.getLockModes()).containsExactly("X");
    assertThat(dump.getRolledBack()).isEqualTo(1);
  }

  @Test
  void shouldEndAnOrdinaryEntryWithItsEvent() {
    assembler.accept(
        event("e1", "2026-11-17T09:50:31.000004Z 0 [System] [MY-010931] [Server] ready for"));

    List<ErrorLogEntry> entries = assembler.accept(event("e2", "connections. Version: '8.0.28'"));

    ErrorLogEntry orphan = onlyEntry(entries);
    assertThat(orphan.getEventId()).isEqualTo("e2");
    assertThat(orphan.getEventTime()).isEqualTo(Instant.ofEpochMilli(EVENT_TIME));
    assertThat(orphan.getDumpEnd()).isNull();
    assertThat(orphan.getTables()).isEmpty();
  }

  @Test
  void shouldRefuseASourceWithoutInstance() {
    LogSource unknown = LogSource.of("/aws/lambda/x", "s");

    assertThatThrownBy(() -> new ErrorLogAssembler(unknown, 100, DumpLimits.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/aws/lambda/x");
  }

  private static List<String> lines(String fixture) {
    return text(fixture).lines().toList();
  }

  private static LogEvent event(String id, String message) {
    return new LogEvent(id, EVENT_TIME, message);
  }

  private static ErrorLogEntry onlyEntry(List<ErrorLogEntry> entries) {
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }
}
