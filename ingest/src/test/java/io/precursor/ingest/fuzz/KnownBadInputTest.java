package io.precursor.ingest.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestSink;
import io.precursor.ingest.SubscriptionIngest;
import io.precursor.ingest.logs.LogBatch;
import io.precursor.ingest.logs.LogEvent;
import io.precursor.ingest.logs.LogEventOutcome;
import io.precursor.ingest.logs.LogEventOutcome.SlowQuery;
import io.precursor.ingest.logs.LogEventRouter;
import io.precursor.ingest.slowlog.SqlTextPolicy;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inputs that once broke ingest, found by the fuzz test or by probing the parsers' regexes with
 * hostile lines, kept as plain regression tests.
 */
class KnownBadInputTest {

  /** Linear work on these inputs takes milliseconds; the quadratic work they caused, minutes. */
  private static final Duration AT_ONCE = Duration.ofSeconds(10);

  private static final int PAST_EVENT_LIMIT = 300_000; // CloudWatch events hold at most 256 KB
  private static final String SLOW_GROUP = "/aws/rds/cluster/orders-prod/slowquery";
  private static final String ERROR_GROUP = "/aws/rds/cluster/orders-prod/error";
  private static final String QUERY_TIME =
      "# Query_time: 1.0  Lock_time: 0.0 Rows_sent: 0  Rows_examined: 1\n";
  private static final String HEADER = "# User@Host: app[app] @  [10.0.4.17]  Id: 7\n" + QUERY_TIME;
  private static final String DEADLOCK =
      "2026-11-17T09:47:12.345678Z 0 [Note] [MY-012468] [InnoDB] Transactions deadlock detected,"
          + " dumping detailed information.\n";

  private final LogEventRouter router = LogEventRouter.create(SqlTextPolicy.dropped());

  @BeforeAll
  static void loadTheParsersClasses() {
    // Class loading and the first compilations take seconds on a busy machine; not what is timed.
    LogEventRouter warm = LogEventRouter.create(SqlTextPolicy.dropped());
    warm.route(
        new LogBatch(
            SLOW_GROUP, "warm-up", List.of(new LogEvent("1", EVENT_TIME, HEADER + "SELECT 1;"))));
    warm.route(
        new LogBatch(ERROR_GROUP, "warm-up", List.of(new LogEvent("1", EVENT_TIME, DEADLOCK))));
    warm.flush();
  }

  @Test
  void shouldReadAnOverlongUserHostLineAtOnce() {
    // The User@Host regex backtracked once per "@ " over the rest of the line: minutes at 256 KB.
    String entry =
        "# User@Host: a" + "@ b [".repeat(PAST_EVENT_LIMIT / 5) + "\n" + QUERY_TIME + "SELECT 1;";

    assertThat(kinds(routedAtOnce(SLOW_GROUP, entry))).containsExactly("SlowQuery");
  }

  @Test
  void shouldReadAHeaderLineWithAnOverlongWordAtOnce() {
    // find() retried the key pattern at every letter of the word, each time to the word's end.
    String entry = HEADER.strip() + " " + "a".repeat(PAST_EVENT_LIMIT) + "\nSELECT 1;";

    assertThat(kinds(routedAtOnce(SLOW_GROUP, entry))).containsExactly("SlowQuery");
  }

  @Test
  void shouldReadALineRepeatingTheFileBannerAtOnce() {
    // The banner regex searched the rest of the line once per "mysqld, Version" in it.
    String line = "/x" + "mysqld, Version".repeat(PAST_EVENT_LIMIT / 15);

    assertThat(kinds(routedAtOnce(SLOW_GROUP, line + "\n" + HEADER + "SELECT 1;")))
        .containsExactly("Unreadable", "SlowQuery");
  }

  @Test
  void shouldReadADeadlockLineWithAnUnclosedTableNameWithoutRunningOutOfStack() {
    // The table name's repeated group recursed once per character: StackOverflowError.
    router.route(
        new LogBatch(
            ERROR_GROUP,
            "orders-prod-instance-1",
            List.of(
                new LogEvent(
                    "1", EVENT_TIME, DEADLOCK + "RECORD LOCKS of table `" + "a".repeat(200_000)))));

    List<LogEventOutcome> flushed = router.flush();

    assertThat(flushed).singleElement().isInstanceOf(LogEventOutcome.ErrorLine.class);
    assertThat(((LogEventOutcome.ErrorLine) flushed.get(0)).entry().getTables()).isEmpty();
  }

  @Test
  void shouldReadADeadlockLineRepeatingLockModesAtOnce() {
    assertThat(
            kinds(
                routedAtOnce(ERROR_GROUP, DEADLOCK + "x lock_mode ".repeat(PAST_EVENT_LIMIT / 12))))
        .containsExactly("PartOfDeadlockDump");
    assertThat(router.flush()).singleElement().isInstanceOf(LogEventOutcome.ErrorLine.class);
  }

  private static List<String> kinds(List<LogEventOutcome> outcomes) {
    return outcomes.stream().map(o -> o.getClass().getSimpleName()).toList();
  }

  private List<LogEventOutcome> routedAtOnce(String logGroup, String message) {
    return assertTimeoutPreemptively(
        AT_ONCE,
        () ->
            router.route(
                new LogBatch(
                    logGroup,
                    "orders-prod-instance-1",
                    List.of(new LogEvent("1", EVENT_TIME, message)))));
  }

  private static final long EVENT_TIME = 1794906723200L;

  @Test
  void shouldReadASetTimestampOfAbsurdMagnitudeAtOnce() {
    // Converting 1e9999999 seconds to a long took minutes: the shard would have stalled.
    String entry =
        String.join(
            "\n",
            "# User@Host: batch[batch] @  [10.0.4.17]  Id: 81234",
            "# Query_time: 1.5  Lock_time: 0.0 Rows_sent: 0  Rows_examined: 10",
            "SET timestamp=1e9999999;",
            "DELETE FROM invoice_line WHERE period = '2026-10';");

    List<LogEventOutcome> outcomes = routedAtOnce(SLOW_GROUP, entry);

    assertThat(outcomes).singleElement().isInstanceOf(SlowQuery.class);
    assertThat(((SlowQuery) outcomes.get(0)).entry().getEventTime())
        .as("the time then comes from the CloudWatch event")
        .isEqualTo(Instant.ofEpochMilli(EVENT_TIME));
  }

  @Test
  void shouldDeadLetterAnEventBridgeEventWhoseTimeOverflows() {
    String event =
        "{\"source\":\"aws.rds\",\"detail-type\":\"RDS DB Cluster Event\",\"time\":1e300,"
            + "\"detail\":{\"EventID\":\"RDS-EVENT-0073\",\"SourceIdentifier\":\"orders-prod\","
            + "\"Message\":\"Started cross AZ failover\",\"Date\":\"2026-11-17T09:50:12Z\"}}";
    Topics topics = new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://found")));
    IngestConfig config = new IngestConfig(Map.of("bootstrap.servers", "unused:9092"));
    IngestCounters counters = new IngestCounters();
    List<String> reasons = new ArrayList<>();

    new SubscriptionIngest(config, topics, counters)
        .accept(
            event.getBytes(UTF_8),
            "shard-0/1",
            new IngestSink() {
              @Override
              public <V> void publish(Topic<String, V> t, String key, V value, Instant time) {
                throw new AssertionError("nothing should be published, got " + value);
              }

              @Override
              public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
                reasons.add(reason);
              }
            });

    assertThat(reasons).singleElement().asString().contains("time is not a timestamp");
    assertThat(counters.deadLetters()).isEqualTo(1);
  }
}
