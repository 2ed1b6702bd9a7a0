package io.precursor.ingest.logs;

import static io.precursor.ingest.logs.Fixtures.bytes;
import static io.precursor.ingest.logs.Fixtures.gzip;
import static io.precursor.ingest.logs.Fixtures.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.errorlog.DumpLimits;
import io.precursor.ingest.errorlog.ErrorLogStreams;
import io.precursor.ingest.logs.LogEventOutcome.ErrorLine;
import io.precursor.ingest.logs.LogEventOutcome.IgnoreReason;
import io.precursor.ingest.logs.LogEventOutcome.Ignored;
import io.precursor.ingest.logs.LogEventOutcome.PartOfDeadlockDump;
import io.precursor.ingest.logs.LogEventOutcome.SlowQuery;
import io.precursor.ingest.logs.LogEventOutcome.Unreadable;
import io.precursor.ingest.slowlog.SqlTextPolicy;
import io.precursor.ingest.subscription.SubscriptionDecoder;
import io.precursor.ingest.subscription.SubscriptionMessage.DataMessage;
import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogKind;
import io.precursor.schemas.StatementKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogEventRouterTest {

  private static final String SLOW_GROUP = "/aws/rds/cluster/orders-prod/slowquery";
  private static final String ERROR_GROUP = "/aws/rds/cluster/orders-prod/error";
  private static final String STREAM = "orders-prod-instance-1";

  private final LogEventRouter router = LogEventRouter.create(SqlTextPolicy.dropped());

  @Test
  void shouldRouteEverySlowQueryEntryOfADecodedRecordKeyedByInstance() throws Exception {
    DataMessage message =
        (DataMessage)
            new SubscriptionDecoder()
                .decode(gzip(text("subscription/slowquery-data-message.json")));

    List<LogEventOutcome> outcomes = router.route(message.batch());

    assertThat(outcomes).hasSize(4).allMatch(SlowQuery.class::isInstance);
    List<SlowQuery> records = outcomes.stream().map(SlowQuery.class::cast).toList();
    assertThat(records).extracting(SlowQuery::key).containsOnly(STREAM);
    String secondEvent = message.logEvents().get(1).id();
    assertThat(records)
        .extracting(record -> record.entry().getEventId())
        .containsExactly(
            message.logEvents().get(0).id(), secondEvent, secondEvent + "#1", secondEvent + "#2");
    assertThat(records)
        .extracting(record -> record.entry().getStatementKind())
        .containsExactly(
            StatementKind.DELETE, StatementKind.INSERT, StatementKind.ADMIN, StatementKind.SELECT);
    assertThat(records.get(1).entry().getFingerprint())
        .isEqualTo("insert into invoice_line (invoice_id, period, amount) values(?+)");
    assertThat(records).allSatisfy(record -> assertThat(record.entry().getSqlText()).isNull());
  }

  @Test
  void shouldSetAGarbledEntryAsideWithItsEntryIdAndKeepTheOthers() {
    LogEvent event =
        new LogEvent("777", 1794906792000L, text("slowlog/truncated-between-good.log"));

    List<LogEventOutcome> outcomes = router.route(new LogBatch(SLOW_GROUP, STREAM, List.of(event)));

    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0)).isInstanceOf(SlowQuery.class);
    assertThat(outcomes.get(2)).isInstanceOf(SlowQuery.class);
    assertThat(((SlowQuery) outcomes.get(2)).entry().getEventId()).isEqualTo("777#2");
    Unreadable unreadable = (Unreadable) outcomes.get(1);
    assertThat(unreadable.eventId()).isEqualTo("777#1");
    assertThat(unreadable.logGroup()).isEqualTo(SLOW_GROUP);
    assertThat(unreadable.logStream()).isEqualTo(STREAM);
    assertThat(unreadable.reason()).contains("truncated");
    assertThat(new String(unreadable.raw(), UTF_8))
        .startsWith("# Time: 2026-11-17T09:13:11.100000Z")
        .endsWith("IN (1, 2, 3, 4");
  }

  @Test
  void shouldHoldTheDeadlockHeaderOfTheCommittedGzipFixtureUntilFlushed() throws Exception {
    DataMessage message =
        (DataMessage)
            new SubscriptionDecoder().decode(bytes("subscription/error-data-message.json.gz"));

    List<LogEventOutcome> outcomes = router.route(message.batch());

    // The record holds only the dump's first line: its next lines may be in the next record.
    assertThat(outcomes)
        .containsExactly(
            new PartOfDeadlockDump("/aws/rds/instance/billing-db/error", "billing-db", 1));
    assertThat(router.holdsDeadlockDumps()).isTrue();

    List<LogEventOutcome> flushed = router.flush();

    assertThat(flushed).hasSize(1);
    ErrorLine line = (ErrorLine) flushed.get(0);
    assertThat(line.key()).isEqualTo("billing-db");
    assertThat(line.entry().getCluster()).isNull();
    assertThat(line.entry().getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
    assertThat(line.entry().getDumpEnd()).isEqualTo(DeadlockDumpEnd.FLUSHED);
    assertThat(line.entry().getEventId()).isEqualTo(message.logEvents().get(0).id());
    assertThat(router.holdsDeadlockDumps()).isFalse();
  }

  @Test
  void shouldJoinADeadlockDumpSplitOverTwoBatchesIntoOneEntry() {
    String[] lines = text("errorlog/mysql80-deadlock.log").split("\n");
    String firstHalf = String.join("\n", List.of(lines).subList(0, 7));
    String secondHalf = String.join("\n", List.of(lines).subList(7, lines.length));

    List<LogEventOutcome> first =
        router.route(new LogBatch(ERROR_GROUP, STREAM, List.of(new LogEvent("41", 0L, firstHalf))));
    List<LogEventOutcome> second =
        router.route(
            new LogBatch(ERROR_GROUP, STREAM, List.of(new LogEvent("42", 0L, secondHalf))));

    assertThat(first).containsExactly(new PartOfDeadlockDump(ERROR_GROUP, STREAM, 1));
    assertThat(second).hasSize(1);
    ErrorLine dump = (ErrorLine) second.get(0);
    assertThat(dump.entry().getEventId()).isEqualTo("41");
    assertThat(dump.entry().getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
    assertThat(dump.entry().getDumpEnd()).isEqualTo(DeadlockDumpEnd.ROLLED_BACK);
    assertThat(dump.entry().getTables()).containsExactly("bank.accounts");
    assertThat(dump.entry().getRolledBack()).isEqualTo(2);
    assertThat(router.holdsDeadlockDumps()).isFalse();
  }

  @Test
  void shouldLetGoOfADumpWhoseStreamStaysIdle() {
    TestClock clock = new TestClock(Instant.parse("2026-11-17T09:47:13Z"));
    LogEventRouter timed =
        LogEventRouter.create(
            SqlTextPolicy.dropped(),
            new ErrorLogStreams(8192, DumpLimits.DEFAULT, Duration.ofSeconds(10)),
            clock);
    timed.route(
        new LogBatch(
            ERROR_GROUP,
            STREAM,
            List.of(
                new LogEvent(
                    "41",
                    0L,
                    "2026-11-17T09:47:12.345678Z 0 [Note] [MY-012468] [InnoDB] Transactions"
                        + " deadlock detected, dumping detailed information."))));

    clock.advance(Duration.ofSeconds(9));
    assertThat(timed.flushIdle()).as("not idle long enough yet").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    List<LogEventOutcome> flushed = timed.flushIdle();

    assertThat(flushed).hasSize(1);
    assertThat(((ErrorLine) flushed.get(0)).entry().getDumpEnd())
        .isEqualTo(DeadlockDumpEnd.FLUSHED);
    assertThat(timed.holdsDeadlockDumps()).isFalse();
  }

  @Test
  void shouldKeepSqlTextWhenConfiguredTo() {
    LogEventRouter keeping = LogEventRouter.create(SqlTextPolicy.keptUpTo(6));
    LogEvent event = new LogEvent("1", 0L, text("slowlog/mysql57.log"));

    List<LogEventOutcome> outcomes =
        keeping.route(new LogBatch(SLOW_GROUP, STREAM, List.of(event)));

    assertThat(((SlowQuery) outcomes.get(0)).entry().getSqlText()).isEqualTo("SELECT");
  }

  @Test
  void shouldCountGeneralLogEventsAsIgnored() {
    List<LogEvent> events = List.of(new LogEvent("1", 0L, "a"), new LogEvent("2", 0L, "b"));

    List<LogEventOutcome> outcomes =
        router.route(new LogBatch("/aws/rds/cluster/orders-prod/general", STREAM, events));

    assertThat(outcomes)
        .containsExactly(
            new Ignored(
                IgnoreReason.GENERAL_LOG,
                "the general log is not read",
                "/aws/rds/cluster/orders-prod/general",
                STREAM,
                2));
  }

  @Test
  void shouldCountAuditLogEventsAsIgnored() {
    List<LogEventOutcome> outcomes =
        router.route(
            new LogBatch(
                "/aws/rds/instance/billing-db/audit",
                "billing-db",
                List.of(new LogEvent("1", 0L, "a"))));

    assertThat(((Ignored) outcomes.get(0)).reason()).isEqualTo(IgnoreReason.AUDIT_LOG);
  }

  @Test
  void shouldIgnoreAnUnknownLogGroupWithTheReason() {
    List<LogEventOutcome> outcomes =
        router.route(new LogBatch("/aws/lambda/x", "s", List.of(new LogEvent("1", 0L, "a"))));

    Ignored ignored = (Ignored) outcomes.get(0);
    assertThat(ignored.reason()).isEqualTo(IgnoreReason.UNSUPPORTED_LOG);
    assertThat(ignored.detail()).contains("/aws/lambda/x");
    assertThat(ignored.eventCount()).isEqualTo(1);
  }

  @Test
  void shouldCountEventsWithOnlyTheFileBannerAsHavingNoEntries() {
    List<LogEvent> events =
        List.of(
            new LogEvent("1", 0L, text("slowlog/rds-banner-only.log")),
            new LogEvent("2", 0L, text("slowlog/mysql56.log")));

    List<LogEventOutcome> outcomes = router.route(new LogBatch(SLOW_GROUP, STREAM, events));

    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0)).isInstanceOf(SlowQuery.class);
    assertThat(outcomes.get(1))
        .isEqualTo(
            new Ignored(
                IgnoreReason.NO_ENTRIES,
                "events with only blank lines or the log file banner",
                SLOW_GROUP,
                STREAM,
                1));
  }

  @Test
  void shouldAccountForABatchWithoutEvents() {
    assertThat(router.route(new LogBatch(SLOW_GROUP, STREAM, List.of())))
        .containsExactly(
            new Ignored(
                IgnoreReason.NO_ENTRIES, "a batch without log events", SLOW_GROUP, STREAM, 0));
  }
}
