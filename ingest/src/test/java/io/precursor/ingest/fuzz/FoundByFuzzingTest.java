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
import org.junit.jupiter.api.Test;

/** The inputs that broke ingest when fuzzed, kept as plain regression tests. */
class FoundByFuzzingTest {

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
    LogEventRouter router = LogEventRouter.create(SqlTextPolicy.dropped());

    List<LogEventOutcome> outcomes =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                router.route(
                    new LogBatch(
                        "/aws/rds/cluster/orders-prod/slowquery",
                        "orders-prod-instance-1",
                        List.of(new LogEvent("1", EVENT_TIME, entry)))));

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
