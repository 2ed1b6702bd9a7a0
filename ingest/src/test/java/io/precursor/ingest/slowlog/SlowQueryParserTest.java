package io.precursor.ingest.slowlog;

import static io.precursor.ingest.logs.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlowQueryParserTest {

  private final SlowQueryParser parser = new SlowQueryParser();

  @Test
  void shouldParseMysql80EntryWithLogSlowExtraPairs() {
    SlowLogEntry entry = onlyEntry(text("slowlog/mysql80-log-slow-extra.log"));

    assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-17T09:12:03.123456Z"));
    assertThat(entry.user()).isEqualTo("batch");
    assertThat(entry.host()).isEqualTo("10.0.4.17");
    assertThat(entry.threadId()).isEqualTo(81234L);
    assertThat(entry.database()).isEqualTo("billing");
    assertThat(entry.queryTimeSeconds()).isEqualTo(12.345678);
    assertThat(entry.lockTimeSeconds()).isEqualTo(0.000123);
    assertThat(entry.rowsSent()).isZero();
    assertThat(entry.rowsExamined()).isEqualTo(2_500_000L);
    assertThat(entry.rowsAffected()).isNull();
    assertThat(entry.counters())
        .containsEntry("Read_next", 2_500_000L)
        .containsEntry("Bytes_received", 97L)
        .containsEntry("Created_tmp_disk_tables", 0L)
        .containsEntry("Errno", 0L)
        .doesNotContainKeys("Query_time", "Rows_examined", "Thread_id", "Start", "End")
        .hasSize(17);
    assertThat(entry.statement()).isEqualTo("DELETE FROM invoice_line WHERE period = '2026-10'");
  }

  @Test
  void shouldParseMysql57EntryWithMultiLineStatement() {
    SlowLogEntry entry = onlyEntry(text("slowlog/mysql57.log"));

    assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-17T09:12:03.123456Z"));
    assertThat(entry.user()).isEqualTo("app");
    assertThat(entry.threadId()).isEqualTo(42L);
    assertThat(entry.database()).isEqualTo("shop");
    assertThat(entry.rowsSent()).isEqualTo(3L);
    assertThat(entry.rowsExamined()).isEqualTo(1_200_000L);
    assertThat(entry.counters()).isEmpty();
    assertThat(entry.statement())
        .startsWith("SELECT o.id, o.total\n  FROM `orders` o\n")
        .endsWith("AND c.country = 'DE'");
  }

  @Test
  void shouldParseMysql56ShortTimeFormat() {
    SlowLogEntry entry = onlyEntry(text("slowlog/mysql56.log"));

    assertThat(entry.time()).isEqualTo(Instant.parse("2016-11-17T09:12:05Z"));
    assertThat(entry.host()).isEqualTo("ip-10-0-1-23.eu-west-1.compute.internal");
    assertThat(entry.threadId()).isEqualTo(917L);
    assertThat(entry.database()).isNull();
    assertThat(entry.statement()).isEqualTo("SELECT SLEEP(3)");
  }

  @Test
  void shouldTakeTimeFromSetTimestampWhenTheEntryHasNoTimeLine() {
    SlowLogEntry entry = onlyEntry(text("slowlog/mysql56-without-time.log"));

    assertThat(entry.time()).isEqualTo(Instant.ofEpochSecond(1479373920L));
    assertThat(entry.statement())
        .isEqualTo("UPDATE stock SET reserved = reserved + 1 WHERE sku = 'A-17'");
  }

  @Test
  void shouldTakeTimeFromLogSlowExtraEndWhenTheEntryHasNoTimeLine() {
    String message =
        "# User@Host: app[app] @  [10.0.1.23]  Id:    42\n"
            + "# Query_time: 1.000000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0"
            + " Start: 2026-11-17T09:12:02.000000Z End: 2026-11-17T09:12:03.000000Z\n"
            + "SET timestamp=1794906722;\n"
            + "DO SLEEP(1);\n";

    assertThat(onlyEntry(message).time()).isEqualTo(Instant.parse("2026-11-17T09:12:03Z"));
  }

  @Test
  void shouldLeaveTheTimeEmptyWhenTheEntrySaysNone() {
    String message =
        "# Query_time: 1.000000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0\n"
            + "DO SLEEP(1);\n";

    SlowLogEntry entry = onlyEntry(message);

    assertThat(entry.time()).isNull();
    assertThat(entry.user()).isNull();
    assertThat(entry.threadId()).isNull();
  }

  @Test
  void shouldReadPerconaExtraHeaderLines() {
    SlowLogEntry entry = onlyEntry(text("slowlog/percona-extra-headers.log"));

    assertThat(entry.host()).isEqualTo("localhost");
    assertThat(entry.threadId()).isEqualTo(3L);
    assertThat(entry.database()).isEqualTo("shop");
    assertThat(entry.rowsAffected()).isEqualTo(900_000L);
    assertThat(entry.counters())
        .containsEntry("Full_scan", 1L)
        .containsEntry("QC_Hit", 0L)
        .containsEntry("Tmp_disk_tables", 0L)
        .containsEntry("InnoDB_IO_r_ops", 12L)
        .containsEntry("InnoDB_pages_distinct", 4100L)
        .containsEntry("Last_errno", 0L)
        // fractional seconds and hexadecimal ids are not counters
        .doesNotContainKeys("InnoDB_IO_r_wait", "InnoDB_trx_id", "Schema", "Rows_affected");
    assertThat(entry.statement()).startsWith("INSERT INTO archive.order_events SELECT");
  }

  @Test
  void shouldReadMariaDbHeaderLines() {
    SlowLogEntry entry = onlyEntry(text("slowlog/mariadb.log"));

    assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-17T09:13:12Z"));
    assertThat(entry.user()).isEqualTo("report");
    assertThat(entry.host()).isEqualTo("10.0.9.9");
    assertThat(entry.threadId()).isEqualTo(77L);
    assertThat(entry.database()).isEqualTo("analytics");
    assertThat(entry.rowsAffected()).isZero();
    assertThat(entry.counters())
        .containsEntry("QC_hit", 0L)
        .containsEntry("Tmp_table_on_disk", 1L)
        .containsEntry("Bytes_sent", 812L);
    assertThat(entry.statement())
        .isEqualTo("SELECT url, COUNT(*) FROM page_views GROUP BY url ORDER BY 2 DESC LIMIT 10");
  }

  @Test
  void shouldReadAnEmptyPerconaSchemaAsNoDatabase() {
    String message =
        "# User@Host: app[app] @ localhost []  Id:     3\n"
            + "# Schema:   Last_errno: 0  Killed: 0\n"
            + "# Query_time: 1.000000  Lock_time: 0.000000  Rows_sent: 0  Rows_examined: 0\n"
            + "SELECT 1;\n";

    SlowLogEntry entry = onlyEntry(message);

    assertThat(entry.database()).isNull();
    assertThat(entry.counters()).containsEntry("Last_errno", 0L).containsEntry("Killed", 0L);
  }

  @Test
  void shouldSkipTheBannerMysqlWritesWhenItOpensTheLogFile() {
    SlowLogEntry entry = onlyEntry(text("slowlog/rds-banner-then-entry.log"));

    assertThat(entry.user()).isEqualTo("rdsadmin");
    assertThat(entry.statement()).isEqualTo("SELECT 1");
  }

  @Test
  void shouldFindNoEntryInAnEventHoldingOnlyTheBanner() {
    assertThat(parser.parse(text("slowlog/rds-banner-only.log"))).isEmpty();
    assertThat(parser.parse("\n  \n")).isEmpty();
  }

  @Test
  void shouldParseThreeEntriesFromOneLogEvent() {
    List<SlowLogItem> items = parser.parse(text("slowlog/three-entries.log"));

    assertThat(items).hasSize(3).allMatch(SlowLogEntry.class::isInstance);
    SlowLogEntry insert = (SlowLogEntry) items.get(0);
    SlowLogEntry quit = (SlowLogEntry) items.get(1);
    SlowLogEntry select = (SlowLogEntry) items.get(2);
    assertThat(insert.statement()).startsWith("INSERT INTO invoice_line");
    assertThat(insert.database()).isEqualTo("billing");
    assertThat(quit.statement()).isEqualTo("administrator command: Quit");
    assertThat(quit.isAdministratorCommand()).isTrue();
    assertThat(quit.time()).isEqualTo(Instant.parse("2026-11-17T09:13:10.200Z"));
    assertThat(select.statement()).startsWith("WITH recent AS (").endsWith("FROM recent");
    assertThat(select.text()).startsWith("# Time: 2026-11-17T09:13:12.000000Z\n");
  }

  @Test
  void shouldReportATruncatedEntryAndStillParseTheOthers() {
    List<SlowLogItem> items = parser.parse(text("slowlog/truncated-between-good.log"));

    assertThat(items).hasSize(3);
    assertThat(items.get(0)).isInstanceOf(SlowLogEntry.class);
    assertThat(items.get(1)).isInstanceOf(GarbledSlowLogEntry.class);
    assertThat(items.get(2)).isInstanceOf(SlowLogEntry.class);
    GarbledSlowLogEntry garbled = (GarbledSlowLogEntry) items.get(1);
    assertThat(garbled.reason()).contains("does not end with ';'").contains("truncated");
    assertThat(garbled.text())
        .startsWith("# Time: 2026-11-17T09:13:11.100000Z")
        .endsWith("WHERE customer_id IN (1, 2, 3, 4");
    assertThat(((SlowLogEntry) items.get(2)).statement())
        .isEqualTo("SELECT * FROM customers WHERE id = 9");
  }

  @Test
  void shouldReportAnEntryCutBeforeItsStatement() {
    String message =
        "# Time: 2026-11-17T09:13:11.100000Z\n"
            + "# User@Host: app[app] @  [10.0.1.23]  Id:    43\n"
            + "# Query_time: 2.200000  Lock_time: 0.000010 Rows_sent: 0  Rows_examined: 90000\n";

    assertThat(onlyGarbled(message).reason()).contains("no statement");
  }

  @Test
  void shouldReportAnEntryWithoutQueryTimeLine() {
    String message =
        "# Time: 2026-11-17T09:13:11.100000Z\n"
            + "# User@Host: app[app] @  [10.0.1.23]  Id:    43\n"
            + "SELECT 1;\n";

    assertThat(onlyGarbled(message).reason()).contains("no '# Query_time:' line");
  }

  @Test
  void shouldReportAGarbledNumber() {
    String message =
        "# Query_time: 2.200000  Lock_time: 0.000010 Rows_sent: 0  Rows_examined: lots\n"
            + "SELECT 1;\n";

    assertThat(onlyGarbled(message).reason())
        .isEqualTo("Rows_examined 'lots' is not a whole number");
  }

  @Test
  void shouldReportAMissingHeaderValue() {
    String message = "# Query_time: 2.200000  Lock_time: 0.000010 Rows_sent: 0\nSELECT 1;\n";

    assertThat(onlyGarbled(message).reason()).isEqualTo("the header lines lack Rows_examined");
  }

  @Test
  void shouldReportAnUnreadableTimeLine() {
    String message =
        "# Time: yesterday\n"
            + "# Query_time: 2.200000  Lock_time: 0.000010 Rows_sent: 0  Rows_examined: 1\n"
            + "SELECT 1;\n";

    assertThat(onlyGarbled(message).reason()).contains("'# Time: yesterday'");
  }

  @Test
  void shouldReadWindowsLineEndings() {
    String message = text("slowlog/mysql56.log").replace("\n", "\r\n");

    assertThat(onlyEntry(message).statement()).isEqualTo("SELECT SLEEP(3)");
  }

  @Test
  void shouldJoinTheLinesOfAnEntryWithNewlinesWhenABannerAndCarriageReturnsAreDropped() {
    // given: a banner line inside the header and Windows line endings in the statement
    String message =
        "# Time: 2026-11-17T09:12:03.123456Z\n"
            + "Tcp port: 3306  Unix socket: /tmp/mysql.sock\n"
            + "# Query_time: 1.000000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0\n"
            + "SELECT a\r\n"
            + "FROM t;  \r\n";

    // when
    SlowLogEntry entry = onlyEntry(message);

    // then: the entry is its lines without the banner and the \r, the statement its last lines
    assertThat(entry.text())
        .isEqualTo(
            "# Time: 2026-11-17T09:12:03.123456Z\n"
                + "# Query_time: 1.000000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0\n"
                + "SELECT a\n"
                + "FROM t;  \n");
    assertThat(entry.statement()).isEqualTo("SELECT a\nFROM t");
  }

  @Test
  void shouldKeepTheLastValueOfARepeatedHeaderNameAndTheOrderOfItsFirst() {
    String message =
        "# Query_time: 1.000000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0\n"
            + "# Bytes_sent: 10  Full_scan: Yes  Tmp_table: No  Rows_sent: 3\n"
            + "# Bytes_sent: 12  Tmp_table: 0.5\n"
            + "SELECT 1;\n";

    SlowLogEntry entry = onlyEntry(message);

    assertThat(entry.rowsSent()).isEqualTo(3L);
    // Tmp_table's last value is a duration, so it is no counter at all
    assertThat(entry.counters()).containsExactly(entry("Bytes_sent", 12L), entry("Full_scan", 1L));
  }

  @Test
  void shouldKeepCommentLinesInsideAStatement() {
    String message =
        "# Query_time: 1.000000  Lock_time: 0.000000 Rows_sent: 0  Rows_examined: 0\n"
            + "SELECT a\n"
            + "# the client's own comment\n"
            + "FROM t;\n";

    assertThat(onlyEntry(message).statement())
        .isEqualTo("SELECT a\n# the client's own comment\nFROM t");
  }

  @Test
  void shouldStartANewEntryAtUserHostWhenThe56LogOmitsTheTimeLine() {
    String message = text("slowlog/mysql56.log") + text("slowlog/mysql56-without-time.log");

    List<SlowLogItem> items = parser.parse(message);

    assertThat(items).hasSize(2).allMatch(SlowLogEntry.class::isInstance);
    assertThat(((SlowLogEntry) items.get(1)).statement()).startsWith("UPDATE stock");
  }

  private SlowLogEntry onlyEntry(String message) {
    List<SlowLogItem> items = parser.parse(message);
    assertThat(items).hasSize(1);
    assertThat(items.get(0)).isInstanceOf(SlowLogEntry.class);
    return (SlowLogEntry) items.get(0);
  }

  private GarbledSlowLogEntry onlyGarbled(String message) {
    List<SlowLogItem> items = parser.parse(message);
    assertThat(items).hasSize(1);
    assertThat(items.get(0)).isInstanceOf(GarbledSlowLogEntry.class);
    return (GarbledSlowLogEntry) items.get(0);
  }
}
