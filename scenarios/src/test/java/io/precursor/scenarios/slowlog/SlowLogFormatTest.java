package io.precursor.scenarios.slowlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.scenarios.fleet.DbInstance;
import io.precursor.scenarios.fleet.InstanceRole;
import io.precursor.scenarios.logs.LogEvent;
import io.precursor.scenarios.logs.LogStream;
import io.precursor.scenarios.shape.Keyframes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlowLogFormatTest {

  private static final Instant END = Instant.parse("2026-11-17T09:12:03.123456Z");

  @Test
  void shouldWriteAnEntryExactlyAsMysql8Does() {
    SlowQuery delete =
        new SlowQuery(
            END,
            new ClientSession("batch", "10.0.1.23", 12345),
            "ads",
            12.345678,
            0.000123,
            0,
            1234567,
            "DELETE FROM ad_logs WHERE log_date BETWEEN '2026-10-01' AND '2026-10-31' LIMIT 10000");

    assertThat(SlowLogFormat.entry(delete, true))
        .isEqualTo(
            "# Time: 2026-11-17T09:12:03.123456Z\n"
                + "# User@Host: batch[batch] @  [10.0.1.23]  Id: 12345\n"
                + "# Query_time: 12.345678  Lock_time: 0.000123 Rows_sent: 0  Rows_examined: 1234567\n"
                + "use ads;\n"
                + "SET timestamp=1794906710;\n"
                + "DELETE FROM ad_logs WHERE log_date BETWEEN '2026-10-01' AND '2026-10-31' LIMIT 10000;");
  }

  @Test
  void shouldPadShortThreadIdsAndLeaveOutUseWhenTheDatabaseIsUnchanged() {
    SlowQuery select =
        new SlowQuery(
            END, new ClientSession("app", "10.0.2.14", 8), "ads", 1.5, 0.0001, 1, 10, "SELECT 1");

    assertThat(SlowLogFormat.entry(select, false))
        .contains("  Id:     8\n")
        .doesNotContain("use ")
        .endsWith("SET timestamp=1794906721;\nSELECT 1;");
  }

  @Test
  void shouldKeepOnlyStatementsSlowerThanLongQueryTimeAndNameTheDatabaseOnlyWhenItChanges() {
    // given: a job alternating databases, its statements taking 0.5 s, 1.5 s, 2.5 s, ...
    String[] databases = {"ads", "ads", "billing", "billing", "ads"};
    BatchStep step =
        (index, random) ->
            index < databases.length
                ? new Statement("SELECT " + index + " FROM " + databases[index], 0, 0, 0.5 + index)
                : null;
    SlowQueryWorkload job =
        seed -> {
          Instant start = Instant.parse("2026-11-17T09:00:00Z");
          List<SlowQuery> queries = new ArrayList<>();
          for (int i = 0; i < databases.length; i++) {
            Statement statement = step.make(i, null);
            queries.add(
                new SlowQuery(
                    start.plusSeconds(10L * i),
                    new ClientSession("batch", "10.0.1.23", 77),
                    databases[i],
                    statement.seconds(),
                    0.0001,
                    0,
                    0,
                    statement.sql()));
          }
          return queries.iterator();
        };
    DbInstance writer =
        new DbInstance(
            "ads-prod-1", "ads-prod", InstanceRole.WRITER, "us-east-1a", "db.r6g.2xlarge", 1);
    SlowLogSource log = new SlowLogSource(LogStream.slowQuery(writer), List.of(job), 0, 1.0);

    // when
    List<String> messages = new ArrayList<>();
    log.events().forEachRemaining((LogEvent event) -> messages.add(event.message()));

    // then: the 0.5 s statement is not slow; use appears at the first entry and on each change
    assertThat(messages).hasSize(4);
    assertThat(messages.get(0)).contains("use ads;\n").endsWith("SELECT 1 FROM ads;");
    assertThat(messages.get(1)).contains("use billing;\n");
    assertThat(messages.get(2)).doesNotContain("use ");
    assertThat(messages.get(3)).contains("use ads;\n");
    assertThat(log.stream().logGroup()).isEqualTo("/aws/rds/cluster/ads-prod/slowquery");
    assertThat(log.stream().logStream()).isEqualTo("ads-prod-1");
  }

  @Test
  void shouldNeverLogABatchStatementStillRunningWhenItsConnectionDies() {
    Instant from = Instant.parse("2026-11-17T09:00:00Z");
    BatchWorker worker =
        new BatchWorker(
            new ClientSession("batch", "10.0.1.23", 58231),
            "ads",
            from,
            from.plusSeconds(10),
            Keyframes.constant(1),
            (index, random) -> new Statement("DELETE FROM t LIMIT 10000", 0, 10000, 3.0));

    List<SlowQuery> logged = new ArrayList<>();
    worker.queries(1).forEachRemaining(logged::add);

    // 3 s statements with short pauses: three finish within 10 s, the fourth is cut off.
    assertThat(logged).hasSize(3);
    assertThat(logged)
        .allSatisfy(query -> assertThat(query.loggedAt()).isBefore(from.plusSeconds(10)));
  }
}
