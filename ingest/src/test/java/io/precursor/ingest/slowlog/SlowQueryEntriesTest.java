package io.precursor.ingest.slowlog;

import static io.precursor.ingest.logs.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.logs.LogSource;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.schemas.StatementKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlowQueryEntriesTest {

  private static final LogSource CLUSTER_SOURCE =
      LogSource.of("/aws/rds/cluster/billing-prod/slowquery", "billing-prod-instance-1");
  private static final LogEvent EVENT =
      new LogEvent("38201473610383651738205349811223419394357616386212659200", 1794906723200L, "");

  private final SlowQueryParser parser = new SlowQueryParser();

  @Test
  void shouldBuildTheRecordFromEntrySourceAndEvent() {
    SlowLogEntry entry = entry(text("slowlog/mysql80-log-slow-extra.log"));

    SlowQueryEntry record =
        new SlowQueryEntries(SqlTextPolicy.dropped()).toRecord(entry, CLUSTER_SOURCE, EVENT, 0);

    assertThat(record.getInstance()).isEqualTo("billing-prod-instance-1");
    assertThat(record.getCluster()).isEqualTo("billing-prod");
    assertThat(record.getLogGroup()).isEqualTo("/aws/rds/cluster/billing-prod/slowquery");
    assertThat(record.getEventId()).isEqualTo(EVENT.id());
    // Avro's timestamp-millis keeps milliseconds
    assertThat(record.getEventTime()).isEqualTo(Instant.parse("2026-11-17T09:12:03.123Z"));
    assertThat(record.getUser()).isEqualTo("batch");
    assertThat(record.getHost()).isEqualTo("10.0.4.17");
    assertThat(record.getThreadId()).isEqualTo(81234L);
    assertThat(record.getDatabase()).isEqualTo("billing");
    assertThat(record.getQueryTimeSeconds()).isEqualTo(12.345678);
    assertThat(record.getRowsExamined()).isEqualTo(2_500_000L);
    assertThat(record.getStatementKind()).isEqualTo(StatementKind.DELETE);
    assertThat(record.getTables()).containsExactly("invoice_line");
    assertThat(record.getFingerprint()).isEqualTo("delete from invoice_line where period = ?");
    assertThat(record.getFingerprintHash())
        .isEqualTo(QueryFingerprint.hashOf("delete from invoice_line where period = ?"));
    assertThat(record.getLargestInList()).isZero();
    assertThat(record.getCounters()).containsEntry("Read_next", 2_500_000L);
  }

  @Test
  void shouldGiveLaterEntriesOfAnEventTheirPositionInTheEventId() {
    SlowLogEntry entry = entry(text("slowlog/mysql57.log"));
    SlowQueryEntries entries = new SlowQueryEntries(SqlTextPolicy.dropped());

    assertThat(entries.toRecord(entry, CLUSTER_SOURCE, EVENT, 0).getEventId())
        .isEqualTo(EVENT.id());
    assertThat(entries.toRecord(entry, CLUSTER_SOURCE, EVENT, 2).getEventId())
        .isEqualTo(EVENT.id() + "#2");
  }

  @Test
  void shouldTakeTheEventTimeWhenTheEntryHasNone() {
    SlowLogEntry entry =
        entry("# Query_time: 1.0  Lock_time: 0.0 Rows_sent: 0  Rows_examined: 0\nDO SLEEP(1);\n");

    SlowQueryEntry record =
        new SlowQueryEntries(SqlTextPolicy.dropped()).toRecord(entry, CLUSTER_SOURCE, EVENT, 0);

    assertThat(record.getEventTime()).isEqualTo(Instant.ofEpochMilli(1794906723200L));
    assertThat(record.getUser()).isNull();
  }

  @Test
  void shouldLeaveSqlTextOutUnlessConfiguredToKeepIt() {
    SlowLogEntry entry = entry(text("slowlog/mysql80-log-slow-extra.log"));

    SlowQueryEntry record =
        new SlowQueryEntries(SqlTextPolicy.dropped()).toRecord(entry, CLUSTER_SOURCE, EVENT, 0);

    assertThat(record.getSqlText()).isNull();
  }

  @Test
  void shouldKeepSqlTextCutToTheConfiguredLength() {
    SlowLogEntry entry = entry(text("slowlog/mysql80-log-slow-extra.log"));

    SlowQueryEntry whole =
        new SlowQueryEntries(SqlTextPolicy.keptUpTo(SqlTextPolicy.DEFAULT_MAX_CHARS))
            .toRecord(entry, CLUSTER_SOURCE, EVENT, 0);
    SlowQueryEntry cut =
        new SlowQueryEntries(SqlTextPolicy.keptUpTo(11)).toRecord(entry, CLUSTER_SOURCE, EVENT, 0);

    assertThat(whole.getSqlText()).isEqualTo("DELETE FROM invoice_line WHERE period = '2026-10'");
    assertThat(cut.getSqlText()).isEqualTo("DELETE FROM");
  }

  @Test
  void shouldNotSplitACharacterWhenCuttingSqlText() {
    SqlTextPolicy policy = SqlTextPolicy.keptUpTo(9);

    assertThat(policy.apply("SELECT '\uD83D\uDE00'")).isEqualTo("SELECT '");
  }

  @Test
  void shouldMarkAdministratorCommandsAsAdmin() {
    SlowLogEntry quit = (SlowLogEntry) parser.parse(text("slowlog/three-entries.log")).get(1);

    SlowQueryEntry record =
        new SlowQueryEntries(SqlTextPolicy.dropped()).toRecord(quit, CLUSTER_SOURCE, EVENT, 1);

    assertThat(record.getStatementKind()).isEqualTo(StatementKind.ADMIN);
    assertThat(record.getFingerprint()).isEqualTo("administrator command: Quit");
    assertThat(record.getTables()).isEmpty();
  }

  @Test
  void shouldRefuseASourceWithoutInstance() {
    SlowLogEntry entry = entry(text("slowlog/mysql57.log"));
    LogSource unknown = LogSource.of("/aws/lambda/billing", "2026/11/17/[$LATEST]abc");

    assertThatThrownBy(
            () -> new SlowQueryEntries(SqlTextPolicy.dropped()).toRecord(entry, unknown, EVENT, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no DB instance");
  }

  private SlowLogEntry entry(String message) {
    return (SlowLogEntry) parser.parse(message).get(0);
  }
}
