package io.precursor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.precursor.scenarios.KinesisFileContents.Record;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled seed-000 files have exactly the shapes the AWS CLI prints and tell the incident. */
class Seed000ShapeTest {

  private static final Pattern SLOW_ENTRY =
      Pattern.compile(
          "# Time: (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z)\n"
              + "# User@Host: (\\w+)\\[\\2\\] @  \\[[\\d.]+\\]  Id: +\\d+\n"
              + "# Query_time: (\\d+\\.\\d{6})  Lock_time: \\d+\\.\\d{6} Rows_sent: \\d+  Rows_examined: \\d+\n"
              + "(use (\\w+);\n)?"
              + "SET timestamp=(\\d+);\n"
              + "[^\n]+;");

  @TempDir static Path directory;
  static ScenarioManifest manifest;
  static List<Record> records;

  @BeforeAll
  static void extract() throws IOException {
    manifest = BundledScenarios.extract(MonthlyRebuildFailover.NAME, directory);
    records = KinesisFileContents.read(directory.resolve("kinesis/precursor-logs.json"));
  }

  @Test
  void shouldStartWithTheSubscriptionsControlMessage() {
    JsonNode control = records.get(0).payload();

    assertThat(control.path("messageType").asText()).isEqualTo("CONTROL_MESSAGE");
    assertThat(control.path("logGroup").asText()).isEmpty();
    assertThat(control.path("subscriptionFilters")).isEmpty();
    assertThat(control.path("logEvents").get(0).path("message").asText())
        .isEqualTo("CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.");
    assertThat(
            records.stream().skip(1).map(record -> record.payload().path("messageType").asText()))
        .containsOnly("DATA_MESSAGE");
  }

  @Test
  void shouldWriteGetRecordsOutputWithGrowingSequenceNumbersAndArrivals() throws IOException {
    JsonNode file =
        KinesisFileContents.JSON.readTree(
            directory.resolve("kinesis/precursor-logs.json").toFile());
    assertThat(file.has("NextShardIterator")).isTrue();
    assertThat(file.path("NextShardIterator").isNull()).isTrue();
    assertThat(file.path("MillisBehindLatest").asLong()).isZero();

    BigInteger previousSequence = BigInteger.valueOf(-1);
    Instant previousArrival = Instant.MIN;
    for (Record record : records) {
      assertThat(record.fields().fieldNames())
          .toIterable()
          .containsExactly("SequenceNumber", "ApproximateArrivalTimestamp", "Data", "PartitionKey");
      String sequence = record.fields().path("SequenceNumber").asText();
      assertThat(sequence).hasSize(56).containsOnlyDigits();
      assertThat(new BigInteger(sequence)).isGreaterThan(previousSequence);
      previousSequence = new BigInteger(sequence);
      Instant arrival = cliInstant(record.fields().path("ApproximateArrivalTimestamp").asText());
      assertThat(arrival).isAfterOrEqualTo(previousArrival);
      previousArrival = arrival;
      // gzip with no modification time in its header: the same input always gives the same bytes.
      assertThat(record.gzip()[0]).isEqualTo((byte) 0x1f);
      assertThat(
              new byte[] {record.gzip()[4], record.gzip()[5], record.gzip()[6], record.gzip()[7]})
          .containsOnly(0);
    }
  }

  @Test
  void shouldBatchEventsOfOneStreamPerRecordWithUniqueNumericIds() {
    Set<String> ids = new HashSet<>();
    int batched = 0;
    for (Record record : records.subList(1, records.size())) {
      JsonNode payload = record.payload();
      assertThat(payload.path("owner").asText()).isEqualTo("123456789012");
      assertThat(payload.path("logGroup").asText())
          .isIn("/aws/rds/cluster/ads-prod/slowquery", "/aws/rds/cluster/ads-prod/error");
      assertThat(payload.path("logStream").asText()).isIn("ads-prod-1", "ads-prod-2");
      assertThat(payload.path("subscriptionFilters").get(0).asText()).isEqualTo("precursor");
      long previous = Long.MIN_VALUE;
      for (JsonNode event : payload.path("logEvents")) {
        assertThat(event.path("id").asText()).hasSize(56).containsOnlyDigits();
        assertThat(ids.add(event.path("id").asText())).isTrue();
        assertThat(event.path("timestamp").asLong()).isGreaterThanOrEqualTo(previous);
        previous = event.path("timestamp").asLong();
      }
      batched += payload.path("logEvents").size() > 1 ? 1 : 0;
    }
    assertThat(batched).as("records carrying several events").isGreaterThan(100);
    assertThat((long) ids.size())
        .isEqualTo(manifest.longFact("slowQueryLogEvents") + manifest.longFact("errorLogEvents"));
  }

  @Test
  void shouldWriteSlowLogEntriesInMysql8FormatWithUseOnlyWhenTheDatabaseChanges() {
    Map<String, String> databaseOfStream = new HashMap<>();
    long entries = 0;
    for (JsonNode event : logEvents("slowquery")) {
      String stream = event.path("stream").asText();
      String message = event.path("message").asText();
      Matcher entry = SLOW_ENTRY.matcher(message);
      assertThat(entry.matches()).as("slow log entry:%n%s", message).isTrue();
      Instant time = Instant.parse(entry.group(1));
      assertThat(event.path("timestamp").asLong()).isEqualTo(time.toEpochMilli());
      // SET timestamp is when the statement started: Query_time before the entry's time.
      double queryTime = Double.parseDouble(entry.group(3));
      assertThat(queryTime).isGreaterThan(1.0);
      assertThat(Long.parseLong(entry.group(6)))
          .isBetween(time.getEpochSecond() - (long) queryTime - 1, time.getEpochSecond());
      String previous = databaseOfStream.get(stream);
      if (entry.group(5) != null) {
        assertThat(entry.group(5)).isNotEqualTo(previous);
        databaseOfStream.put(stream, entry.group(5));
      } else {
        assertThat(previous).as("first entry of %s names its database", stream).isNotNull();
      }
      entries++;
    }
    assertThat(entries).isEqualTo(manifest.longFact("slowQueryLogEvents"));
  }

  @Test
  void shouldShowDeleteThenInsertBurstsOnAdLogsOnTheWriterBeforeTheFailover() {
    Instant failover = manifest.instantFact("failoverStartedAt");
    List<Instant> deletes = new ArrayList<>();
    List<Instant> inserts = new ArrayList<>();
    for (JsonNode event : logEvents("slowquery")) {
      String message = event.path("message").asText();
      Instant time = Instant.ofEpochMilli(event.path("timestamp").asLong());
      if (message.contains("\nDELETE FROM ad_logs ")) {
        assertThat(event.path("stream").asText()).isEqualTo("ads-prod-1");
        assertThat(message).contains("Rows_examined: ").contains(" LIMIT 10000;");
        deletes.add(time);
      } else if (message.contains("\nINSERT INTO ad_logs ")) {
        inserts.add(time);
      }
    }
    assertThat(deletes).hasSize((int) manifest.longFact("slowDeletesOnTable"));
    assertThat(inserts).hasSize((int) manifest.longFact("slowInsertsOnTable"));
    assertThat(deletes.get(0)).isBefore(inserts.get(0));
    assertThat(inserts.get(inserts.size() - 1)).isBefore(failover);
    assertThat(Duration.between(deletes.get(0), failover))
        .isBetween(Duration.ofMinutes(30), Duration.ofMinutes(45));
  }

  @Test
  void shouldLogAnAuroraRestartOnBothInstancesAroundTheFailover() {
    Instant failover = manifest.instantFact("failoverStartedAt");
    Map<String, Instant> readyAt = new HashMap<>();
    for (JsonNode event : logEvents("error")) {
      String message = event.path("message").asText();
      assertThat(message)
          .matches(
              "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z \\d+ \\[(System|Note|Warning|ERROR)\\] \\[MY-\\d{6}\\] \\[\\w+\\] .+");
      if (message.contains("ready for connections")) {
        readyAt.put(
            event.path("stream").asText(), Instant.ofEpochMilli(event.path("timestamp").asLong()));
      }
    }
    assertThat(readyAt).containsOnlyKeys("ads-prod-1", "ads-prod-2");
    assertThat(readyAt.values())
        .allSatisfy(
            ready ->
                assertThat(Duration.between(failover, ready))
                    .isBetween(Duration.ZERO, Duration.ofMinutes(1)));
  }

  @Test
  void shouldListMetricResultsNewestFirstAndJoinedToQueriesById() throws IOException {
    JsonNode queries =
        KinesisFileContents.JSON.readTree(directory.resolve("metrics/queries.json").toFile());
    JsonNode results =
        KinesisFileContents.JSON.readTree(
            directory.resolve("metrics/get-metric-data.json").toFile());
    Set<String> queryIds = new HashSet<>();
    for (JsonNode query : queries) {
      queryIds.add(query.path("Id").asText());
      assertThat(query.path("MetricStat").path("Metric").path("Namespace").asText())
          .isEqualTo("AWS/RDS");
      assertThat(query.path("MetricStat").path("Period").asInt()).isEqualTo(60);
      assertThat(query.path("ReturnData").asBoolean()).isTrue();
    }
    long datapoints = 0;
    for (JsonNode result : results.path("MetricDataResults")) {
      assertThat(queryIds).contains(result.path("Id").asText());
      assertThat(result.path("StatusCode").asText()).isEqualTo("Complete");
      JsonNode timestamps = result.path("Timestamps");
      assertThat(result.path("Values").size()).isEqualTo(timestamps.size());
      for (int i = 1; i < timestamps.size(); i++) {
        assertThat(cliInstant(timestamps.get(i).asText()))
            .isBefore(cliInstant(timestamps.get(i - 1).asText()));
      }
      datapoints += timestamps.size();
    }
    assertThat(results.path("Messages")).isEmpty();
    assertThat(datapoints).isEqualTo(manifest.longFact("metricDatapoints"));
  }

  @Test
  void shouldShowTheWritersFreeableMemoryFallingTowardZeroBeforeTheFailover() throws IOException {
    Map<Instant, Double> memory = series("FreeableMemory", "DBInstanceIdentifier", "ads-prod-1");
    Instant failover = manifest.instantFact("failoverStartedAt");
    double baseline = memory.get(Instant.parse("2026-11-17T08:30:00Z"));
    double lastBeforeFailover = memory.get(Instant.parse("2026-11-17T09:47:00Z"));

    assertThat(baseline).isBetween(11.5 * (1L << 30), 13.5 * (1L << 30));
    assertThat(lastBeforeFailover)
        .isLessThan(0.01 * manifest.fleet().instances().get(0).memoryBytes());
    assertThat(memory).doesNotContainKey(Instant.parse("2026-11-17T09:48:00Z"));
    assertThat(memory.get(Instant.parse("2026-11-17T09:49:00Z"))).isGreaterThan(baseline);
    assertThat(manifest.instantFact("writerFreeableMemoryMinimumAt")).isBefore(failover);

    Map<Instant, Double> queue = series("DiskQueueDepth", "DBInstanceIdentifier", "ads-prod-1");
    assertThat(queue.get(Instant.parse("2026-11-17T09:46:00Z")))
        .isGreaterThan(10 * queue.get(Instant.parse("2026-11-17T09:00:00Z")));
  }

  @Test
  void shouldFollowTheWriterAcrossTheFailoverInTheRoleSeries() throws IOException {
    Map<Instant, Double> writerRole = series("FreeableMemory", "Role", "WRITER");
    Map<Instant, Double> oldWriter = series("FreeableMemory", "DBInstanceIdentifier", "ads-prod-1");
    Map<Instant, Double> newWriter = series("FreeableMemory", "DBInstanceIdentifier", "ads-prod-2");

    Instant before = Instant.parse("2026-11-17T09:40:00Z");
    Instant after = Instant.parse("2026-11-17T10:00:00Z");
    assertThat(writerRole.get(before)).isEqualTo(oldWriter.get(before));
    assertThat(writerRole.get(after)).isEqualTo(newWriter.get(after));
  }

  @Test
  void shouldReportTheCrossAzFailoverWithRdsOwnMessages() throws IOException {
    JsonNode events =
        KinesisFileContents.JSON
            .readTree(directory.resolve("events/describe-events.json").toFile())
            .path("Events");

    assertThat(events).hasSize(2);
    JsonNode started = events.get(0);
    JsonNode completed = events.get(1);
    assertThat(started.fieldNames())
        .toIterable()
        .containsExactly(
            "SourceIdentifier", "SourceType", "Message", "EventCategories", "Date", "SourceArn");
    assertThat(started.path("Message").asText())
        .isEqualTo("Started cross AZ failover to DB instance: ads-prod-2");
    assertThat(completed.path("Message").asText())
        .isEqualTo("Completed failover to DB instance: ads-prod-2");
    assertThat(started.path("SourceType").asText()).isEqualTo("db-cluster");
    assertThat(started.path("SourceArn").asText())
        .isEqualTo("arn:aws:rds:us-east-1:123456789012:cluster:ads-prod");
    assertThat(started.path("EventCategories").get(0).asText()).isEqualTo("failover");
    assertThat(started.path("Date").asText()).isEqualTo("2026-11-17T09:47:31.274000+00:00");
    Instant startedAt = cliInstant(started.path("Date").asText());
    Instant completedAt = cliInstant(completed.path("Date").asText());
    assertThat(startedAt).isEqualTo(manifest.instantFact("failoverStartedAt"));
    assertThat(completedAt).isEqualTo(manifest.instantFact("failoverCompletedAt"));
    assertThat(Duration.between(startedAt, completedAt))
        .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  private static List<JsonNode> logEvents(String logType) {
    List<JsonNode> events = new ArrayList<>();
    for (Record record : records.subList(1, records.size())) {
      JsonNode payload = record.payload();
      if (payload.path("logGroup").asText().endsWith("/" + logType)) {
        for (JsonNode event : payload.path("logEvents")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) event)
              .put("stream", payload.path("logStream").asText());
          events.add(event);
        }
      }
    }
    events.sort(
        java.util.Comparator.comparing((JsonNode event) -> event.path("stream").asText())
            .thenComparingLong(event -> event.path("timestamp").asLong()));
    return events;
  }

  private static Map<Instant, Double> series(String metric, String dimension, String value)
      throws IOException {
    JsonNode queries =
        KinesisFileContents.JSON.readTree(directory.resolve("metrics/queries.json").toFile());
    String id = null;
    for (JsonNode query : queries) {
      JsonNode stat = query.path("MetricStat").path("Metric");
      if (stat.path("MetricName").asText().equals(metric)) {
        for (JsonNode dim : stat.path("Dimensions")) {
          if (dim.path("Name").asText().equals(dimension)
              && dim.path("Value").asText().equals(value)) {
            id = query.path("Id").asText();
          }
        }
      }
    }
    assertThat(id).as("query for %s %s=%s", metric, dimension, value).isNotNull();
    JsonNode results =
        KinesisFileContents.JSON.readTree(
            directory.resolve("metrics/get-metric-data.json").toFile());
    Map<Instant, Double> points = new HashMap<>();
    for (JsonNode result : results.path("MetricDataResults")) {
      if (result.path("Id").asText().equals(id)) {
        for (int i = 0; i < result.path("Timestamps").size(); i++) {
          points.put(
              cliInstant(result.path("Timestamps").get(i).asText()),
              result.path("Values").get(i).asDouble());
        }
      }
    }
    return points;
  }

  private static Instant cliInstant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
