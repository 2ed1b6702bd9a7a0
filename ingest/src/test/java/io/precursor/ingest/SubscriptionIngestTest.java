package io.precursor.ingest;

import static io.precursor.ingest.logs.Fixtures.gzip;
import static io.precursor.ingest.logs.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.precursor.ingest.errorlog.DumpLimits;
import io.precursor.ingest.errorlog.ErrorLogStreams;
import io.precursor.ingest.logs.TestClock;
import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.ErrorLogKind;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionIngestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP = "/aws/rds/cluster/bank-prod/error";
  private static final String STREAM = "bank-prod-instance-1";

  private final Topics topics =
      new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://subscription-ingest")));
  private final IngestConfig config = new IngestConfig(Map.of("bootstrap.servers", "unused:9092"));
  private final TestClock clock = new TestClock(Instant.parse("2026-11-17T09:47:13Z"));
  private final IngestCounters counters = new IngestCounters();
  private final SubscriptionIngest ingest =
      new SubscriptionIngest(
          config,
          topics,
          counters,
          new ErrorLogStreams(8192, DumpLimits.DEFAULT, Duration.ofSeconds(10)),
          clock);
  private final RecordingSink sink = new RecordingSink();

  @Test
  void shouldPublishOneEntryForADeadlockDumpSplitOverTwoKinesisRecords() throws Exception {
    List<String> lines = text("errorlog/mysql80-deadlock.log").lines().toList();

    ingest.accept(record(STREAM, "1", String.join("\n", lines.subList(0, 8))), "shard-0/1", sink);
    assertThat(sink.published).as("the dump is not finished yet").isEmpty();
    assertThat(ingest.holdsDeadlockDumps()).isTrue();
    ingest.accept(
        record(STREAM, "2", String.join("\n", lines.subList(8, lines.size()))), "shard-0/2", sink);

    assertThat(sink.dead).isEmpty();
    assertThat(sink.published)
        .singleElement()
        .satisfies(
            published -> {
              assertThat(published.topic()).isEqualTo(topics.errorLog().name());
              assertThat(published.key()).isEqualTo(STREAM);
              ErrorLogEntry dump = (ErrorLogEntry) published.value();
              assertThat(dump.getEventId()).isEqualTo("1");
              assertThat(dump.getKind()).isEqualTo(ErrorLogKind.DEADLOCK);
              assertThat(dump.getDumpEnd()).isEqualTo(DeadlockDumpEnd.ROLLED_BACK);
              assertThat(dump.getTables()).containsExactly("bank.accounts");
              assertThat(published.time()).isEqualTo(Instant.parse("2026-11-17T09:47:12.345Z"));
            });
    assertThat(counters.errorLines()).isEqualTo(1);
    assertThat(ingest.holdsDeadlockDumps()).isFalse();
  }

  @Test
  void shouldPublishAnUnfinishedDumpOnceItsStreamHasBeenIdle() throws Exception {
    List<String> lines = text("errorlog/mysql80-deadlock.log").lines().toList();
    ingest.accept(record(STREAM, "1", String.join("\n", lines.subList(0, 8))), "shard-0/1", sink);

    clock.advance(Duration.ofSeconds(5));
    ingest.flushIdle(sink);
    assertThat(sink.published).as("idle for 5 s of 10").isEmpty();
    clock.advance(Duration.ofSeconds(5));
    ingest.flushIdle(sink);

    assertThat(sink.published)
        .singleElement()
        .satisfies(
            published -> {
              ErrorLogEntry dump = (ErrorLogEntry) published.value();
              assertThat(dump.getDumpEnd()).isEqualTo(DeadlockDumpEnd.FLUSHED);
              assertThat(dump.getRolledBack()).isNull();
            });
    assertThat(counters.errorLines()).isEqualTo(1);
  }

  @Test
  void shouldPublishEveryHeldDumpWhenTheInputEnds() throws Exception {
    String header = text("errorlog/mysql80-deadlock.log").lines().findFirst().orElseThrow();
    ingest.accept(record("instance-1", "1", header), "shard-0/1", sink);
    ingest.accept(record("instance-2", "2", header), "shard-0/2", sink);

    ingest.flush(sink);

    assertThat(sink.published)
        .extracting(RecordingSink.Published::key)
        .containsExactly("instance-1", "instance-2");
    assertThat(ingest.holdsDeadlockDumps()).isFalse();
  }

  /** A Kinesis record as a CloudWatch Logs subscription writes it: gzipped DATA_MESSAGE JSON. */
  private static byte[] record(String stream, String eventId, String message) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("messageType", "DATA_MESSAGE");
    root.put("owner", "123456789012");
    root.put("logGroup", GROUP);
    root.put("logStream", stream);
    root.putArray("subscriptionFilters").add("precursor-error");
    ArrayNode events = root.putArray("logEvents");
    events.addObject().put("id", eventId).put("timestamp", 1794908832400L).put("message", message);
    return gzip(JSON.writeValueAsBytes(root));
  }
}
