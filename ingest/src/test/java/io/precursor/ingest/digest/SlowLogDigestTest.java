package io.precursor.ingest.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.ingest.slowlog.GarbledSlowLogEntry;
import io.precursor.ingest.slowlog.SlowLogEntry;
import io.precursor.schemas.StatementKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowLogDigestTest {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");

  @Test
  void shouldGroupEntriesByFingerprintAndRankClassesByTotalQueryTime() {
    SlowLogDigest digest = new SlowLogDigest();
    digest.add(entry("SELECT * FROM orders WHERE id = 1", 1.0, 10, 0), null);
    digest.add(entry("select * from orders where id = 22", 2.0, 20, 1), null);
    digest.add(entry("DELETE FROM ad_logs WHERE log_date < '2026-10-01'", 5.0, 900, 2), null);

    DigestReport report = digest.report(20);

    assertThat(report.entries()).isEqualTo(3);
    assertThat(report.classCount()).isEqualTo(2);
    assertThat(report.top())
        .extracting(QueryClass::fingerprint)
        .containsExactly(
            "delete from ad_logs where log_date < ?", "select * from orders where id = ?");
    QueryClass select = report.top().get(1);
    assertThat(select.count()).isEqualTo(2);
    assertThat(select.kind()).isEqualTo(StatementKind.SELECT);
    assertThat(select.tables()).containsExactly("orders");
    assertThat(select.queryTime()).isEqualTo(new DurationSummary(3.0, 1.5, 2.0, 2.0));
    assertThat(select.rowsExamined()).isEqualTo(new RowSummary(30, 15.0, 20));
    assertThat(select.firstSeen()).isEqualTo(T0);
    assertThat(select.lastSeen()).isEqualTo(T0.plusSeconds(1));
    assertThat(select.example()).isEqualTo("select * from orders where id = 22");
    assertThat(select.exampleQueryTime()).isEqualTo(2.0);
    assertThat(report.queryTime().total()).isEqualTo(8.0);
    assertThat(report.rowsExamined().max()).isEqualTo(900);
    assertThat(report.firstSeen()).isEqualTo(T0);
    assertThat(report.lastSeen()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void shouldGivePtQueryDigestsQueryIdForEachClass() {
    SlowLogDigest digest = new SlowLogDigest();
    digest.add(entry("SELECT * FROM orders WHERE id = 1", 1.0, 1, 0), null);

    QueryClass queryClass = digest.report(1).top().get(0);

    // pt-query-digest 3.2.1 reports this fingerprint as 0x9C05EA5686390AEB296E90D8F864A512
    assertThat(queryClass.queryId()).isEqualTo("0x9C05EA5686390AEB296E90D8F864A512");
  }

  @Test
  void shouldComputeP95OverTheClassesEntries() {
    SlowLogDigest digest = new SlowLogDigest();
    for (int i = 1; i <= 100; i++) {
      digest.add(entry("SELECT " + i, i / 100.0, 1, i), null);
    }

    QueryClass queryClass = digest.report(1).top().get(0);

    assertThat(queryClass.count()).isEqualTo(100);
    assertThat(queryClass.queryTime().p95()).isEqualTo(0.95);
    assertThat(queryClass.queryTime().max()).isEqualTo(1.0);
  }

  @Test
  void shouldTakeTheFallbackTimeOnlyForEntriesWithoutOne() {
    SlowLogDigest digest = new SlowLogDigest();
    Instant eventTime = T0.plusSeconds(60);
    digest.add(withoutTime(entry("SELECT 1", 1, 1, 0)), eventTime);
    digest.add(entry("SELECT 2", 1, 1, 5), eventTime);

    QueryClass queryClass = digest.report(1).top().get(0);

    assertThat(queryClass.firstSeen()).isEqualTo(T0.plusSeconds(5));
    assertThat(queryClass.lastSeen()).isEqualTo(eventTime);
  }

  @Test
  void shouldCountDatabasesMostUsedFirst() {
    SlowLogDigest digest = new SlowLogDigest();
    digest.add(inDatabase(entry("SELECT 1", 1, 1, 0), "shop"), null);
    digest.add(inDatabase(entry("SELECT 2", 1, 1, 0), "billing"), null);
    digest.add(inDatabase(entry("SELECT 3", 1, 1, 0), "billing"), null);
    digest.add(entry("SELECT 4", 1, 1, 0), null);

    assertThat(digest.report(1).top().get(0).databases())
        .containsExactly(Map.entry("billing", 2L), Map.entry("shop", 1L));
  }

  @Test
  void shouldReportOnlyTheTopClassesButCountThemAll() {
    SlowLogDigest digest = new SlowLogDigest();
    digest.add(entry("SELECT 1 FROM a", 3, 1, 0), null);
    digest.add(entry("SELECT 1 FROM b", 2, 1, 0), null);
    digest.add(entry("SELECT 1 FROM c", 1, 1, 0), null);

    assertThat(digest.report(2).top())
        .extracting(QueryClass::tables)
        .containsExactly(List.of("a"), List.of("b"));
    assertThat(digest.report(2).classCount()).isEqualTo(3);
    assertThat(digest.report(0).top()).hasSize(3);
    assertThatThrownBy(() -> digest.report(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRankEqualTotalsByCountThenFingerprint() {
    SlowLogDigest digest = new SlowLogDigest();
    digest.add(entry("SELECT 1 FROM b", 2, 1, 0), null);
    digest.add(entry("SELECT 1 FROM a", 2, 1, 0), null);
    digest.add(entry("SELECT 1 FROM c", 1, 1, 0), null);
    digest.add(entry("SELECT 2 FROM c", 1, 1, 0), null);

    assertThat(digest.report(0).top())
        .extracting(QueryClass::fingerprint)
        .containsExactly("select ? from c", "select ? from a", "select ? from b");
  }

  @Test
  void shouldCountUnreadableEntriesByReasonWithACap() {
    SlowLogDigest digest = new SlowLogDigest();
    digest.add(new GarbledSlowLogEntry("truncated", "x"), null);
    digest.add(new GarbledSlowLogEntry("truncated", "y"), null);
    for (int i = 0; i < 30; i++) {
      digest.addUnreadable("odd header " + i);
    }

    DigestReport report = digest.report(20);

    assertThat(report.unreadable()).isEqualTo(32);
    assertThat(report.entries()).isZero();
    assertThat(report.unreadableReasons()).hasSize(21).containsEntry("truncated", 2L);
    assertThat(report.unreadableReasons().keySet().iterator().next()).isEqualTo(Tally.OTHERS);
    assertThat(report.unreadableReasons().get(Tally.OTHERS)).isEqualTo(11L);
  }

  @Test
  void shouldReportNothingForAnEmptyDigest() {
    DigestReport report = new SlowLogDigest().report(20);

    assertThat(report.entries()).isZero();
    assertThat(report.top()).isEmpty();
    assertThat(report.queryTime()).isEqualTo(new DurationSummary(0, 0, 0, 0));
    assertThat(report.firstSeen()).isNull();
  }

  private static SlowLogEntry entry(
      String statement, double queryTime, long rowsExamined, int secondsAfterT0) {
    return new SlowLogEntry(
        T0.plusSeconds(secondsAfterT0),
        "app",
        "10.0.0.1",
        1L,
        null,
        queryTime,
        0.0001,
        1,
        rowsExamined,
        null,
        Map.of(),
        statement,
        statement + ";");
  }

  private static SlowLogEntry withoutTime(SlowLogEntry e) {
    return new SlowLogEntry(
        null,
        e.user(),
        e.host(),
        e.threadId(),
        e.database(),
        e.queryTimeSeconds(),
        e.lockTimeSeconds(),
        e.rowsSent(),
        e.rowsExamined(),
        e.rowsAffected(),
        e.counters(),
        e.statement(),
        e.text());
  }

  private static SlowLogEntry inDatabase(SlowLogEntry e, String database) {
    return new SlowLogEntry(
        e.time(),
        e.user(),
        e.host(),
        e.threadId(),
        database,
        e.queryTimeSeconds(),
        e.lockTimeSeconds(),
        e.rowsSent(),
        e.rowsExamined(),
        e.rowsAffected(),
        e.counters(),
        e.statement(),
        e.text());
  }
}
