package io.precursor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.precursor.ingest.logs.Fixtures;
import io.precursor.scenarios.BundledScenarios;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.scenarios.ScenarioWriter;
import io.precursor.scenarios.Scenarios;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DeadlockDumpEnd;
import io.precursor.schemas.ErrorLogEntry;
import io.precursor.schemas.ErrorLogKind;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportIngestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Topics topics =
      new Topics(new TopicsConfig(Map.of("schema.registry.url", "mock://export-ingest-test")));
  private final IngestConfig config = new IngestConfig(Map.of("bootstrap.servers", "unused:9092"));

  @Test
  void shouldIngestTheSeed000ExportsInEventTimeOrder(@TempDir Path dir) throws Exception {
    ScenarioManifest manifest = BundledScenarios.extract("seed-000", dir);
    IngestCounters counters = new IngestCounters();
    RecordingSink sink = new RecordingSink();

    new ExportIngest(config, topics, counters).ingest(dir, sink);

    assertThat(sink.dead).isEmpty();
    assertThat(counters.controlMessages()).isEqualTo(1);
    assertThat(sink.count(topics.slowQueries().name()))
        .isEqualTo(counters.slowQueries())
        .isPositive();
    assertThat(sink.count(topics.errorLog().name())).isEqualTo(counters.errorLines()).isPositive();
    assertThat(sink.count(topics.metrics().name())).isEqualTo(counters.metrics()).isPositive();
    assertThat(sink.published)
        .isSortedAccordingTo(Comparator.comparing(RecordingSink.Published::time));
    assertThat(sink.published)
        .filteredOn(p -> p.value() instanceof DbEvent)
        .extracting(p -> ((DbEvent) p.value()).getKind())
        .contains(DbEventKind.FAILOVER_STARTED, DbEventKind.FAILOVER_COMPLETED);
    assertThat(sink.published)
        .filteredOn(p -> p.value() instanceof SlowQueryEntry)
        .extracting(p -> ((SlowQueryEntry) p.value()).getSqlText())
        .as("raw SQL stays out by default")
        .containsOnlyNulls();
    assertThat(sink.published)
        .filteredOn(p -> p.value() instanceof SlowQueryEntry e && e.getTables().contains("ad_logs"))
        .hasSizeGreaterThan(1000);
    assertThat(manifest.windowStart()).isBefore(sink.published.get(0).time().plusSeconds(1));
    assertThat(sink.published)
        .filteredOn(
            p -> p.value() instanceof MetricSample m && m.getInstance().equals("ads-prod-1"))
        .as("the cluster learnt from the log groups")
        .extracting(p -> ((MetricSample) p.value()).getCluster())
        .containsOnly("ads-prod");
  }

  @Test
  void shouldSetAsideACorruptRecordWithItsPositionAndGoOn(@TempDir Path dir) throws Exception {
    BundledScenarios.extract("seed-000", dir);
    Path kinesis = dir.resolve("kinesis/precursor-logs.json");
    ObjectNode export = (ObjectNode) JSON.readTree(kinesis.toFile());
    ArrayNode records = (ArrayNode) export.get("Records");
    int total = records.size();
    ((ObjectNode) records.get(5))
        .put("Data", Base64.getEncoder().encodeToString(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1}));
    JSON.writeValue(kinesis.toFile(), export);
    IngestCounters counters = new IngestCounters();
    RecordingSink sink = new RecordingSink();

    new ExportIngest(config, topics, counters).ingest(dir, sink);

    assertThat(sink.dead)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.source())
                  .matches(java.util.regex.Pattern.quote(kinesis + ":5 (line ") + "\\d+\\)");
              assertThat(d.reason()).contains("gzip");
              assertThat(d.raw()).hasSize(5);
            });
    assertThat(counters.records()).isEqualTo(total);
    assertThat(counters.slowQueries()).isPositive();
  }

  @Test
  void shouldReassembleADeadlockDumpSplitOverRecordsAndPublishAnUnfinishedOneAtTheEnd(
      @TempDir Path dir) throws Exception {
    List<String> lines = Fixtures.text("errorlog/mysql80-deadlock.log").lines().toList();
    ObjectNode export = JSON.createObjectNode();
    ArrayNode records = export.putArray("Records");
    addRecord(records, "1", String.join("\n", lines.subList(0, 5)));
    addRecord(records, "2", String.join("\n", lines.subList(5, lines.size())));
    addRecord(records, "3", lines.get(0)); // a dump whose other lines never came
    Files.createDirectories(dir.resolve("kinesis"));
    JSON.writeValue(dir.resolve("kinesis/precursor-logs.json").toFile(), export);
    IngestCounters counters = new IngestCounters();
    RecordingSink sink = new RecordingSink();

    new ExportIngest(config, topics, counters).ingest(dir, sink);

    assertThat(sink.dead).isEmpty();
    assertThat(sink.published)
        .extracting(p -> (ErrorLogEntry) p.value())
        .extracting(ErrorLogEntry::getEventId, ErrorLogEntry::getKind, ErrorLogEntry::getDumpEnd)
        .containsExactly(
            tuple("1", ErrorLogKind.DEADLOCK, DeadlockDumpEnd.ROLLED_BACK),
            tuple("3", ErrorLogKind.DEADLOCK, DeadlockDumpEnd.FLUSHED));
    assertThat(counters.errorLines()).isEqualTo(2);
  }

  private static void addRecord(ArrayNode records, String eventId, String message)
      throws Exception {
    ObjectNode data = JSON.createObjectNode();
    data.put("messageType", "DATA_MESSAGE");
    data.put("owner", "123456789012");
    data.put("logGroup", "/aws/rds/cluster/bank-prod/error");
    data.put("logStream", "bank-prod-instance-1");
    data.putArray("subscriptionFilters").add("precursor-error");
    data.putArray("logEvents")
        .addObject()
        .put("id", eventId)
        .put("timestamp", 1794908832400L + Long.parseLong(eventId))
        .put("message", message);
    records
        .addObject()
        .put("SequenceNumber", "4959033827149025660855969253836157109592157598913658880" + eventId)
        .put("ApproximateArrivalTimestamp", "2026-11-17T09:47:13.000000+00:00")
        .put(
            "Data", Base64.getEncoder().encodeToString(Fixtures.gzip(JSON.writeValueAsBytes(data))))
        .put("PartitionKey", "bank-prod-instance-1");
  }

  @Test
  void shouldReadFilterLogEventsExportsIntoTheSameRecordsAsTheKinesisExportOfTheSameScenario(
      @TempDir Path dir) throws Exception {
    // given seed-000 exported both ways: kinesis get-records, and filter-log-events per log group
    Scenarios.write("seed-000", dir.resolve("kinesis-form"));
    ScenarioManifest logsForm =
        Scenarios.write(
            "seed-000", dir.resolve("logs-form"), ScenarioWriter.LogExport.FILTER_LOG_EVENTS);
    assertThat(dir.resolve("logs-form/logs/aws/rds/cluster/ads-prod/slowquery")).isDirectory();
    assertThat(dir.resolve("logs-form/kinesis")).doesNotExist();
    RecordingSink fromKinesis = new RecordingSink();
    RecordingSink fromLogs = new RecordingSink();
    IngestCounters logCounters = new IngestCounters();

    // when
    new ExportIngest(config, topics, new IngestCounters())
        .ingest(dir.resolve("kinesis-form"), fromKinesis);
    new ExportIngest(config, topics, logCounters).ingest(dir.resolve("logs-form"), fromLogs);

    // then the same slow queries, error lines, datapoints and events, in event-time order
    assertThat(fromLogs.dead).isEmpty();
    assertThat(fromLogs.published)
        .isSortedAccordingTo(Comparator.comparing(RecordingSink.Published::time))
        .hasSameSizeAs(fromKinesis.published)
        .containsExactlyInAnyOrderElementsOf(fromKinesis.published);
    assertThat(logCounters.slowQueries()).isEqualTo(logsForm.longFact("slowQueryLogEvents"));
    assertThat(fromLogs.published)
        .filteredOn(
            p -> p.value() instanceof MetricSample m && m.getInstance().equals("ads-prod-1"))
        .as("the cluster learnt from the log group folders")
        .extracting(p -> ((MetricSample) p.value()).getCluster())
        .containsOnly("ads-prod");
  }

  @Test
  void shouldGiveTheSameOrderWhenTheExportDoesNotFitTheSortBudget(@TempDir Path dir)
      throws Exception {
    // given seed-000 (6,163 records) and a budget of 500 held records
    BundledScenarios.extract("seed-000", dir.resolve("seed"));
    Files.createDirectories(dir.resolve("runs"));
    IngestConfig small =
        new IngestConfig(
            Map.of(
                "bootstrap.servers",
                "unused:9092",
                IngestConfig.REPLAY_SORT_MAX_RECORDS,
                "2000",
                IngestConfig.REPLAY_SORT_SPILL_DIR,
                dir.resolve("runs").toString()));
    RecordingSink inMemory = new RecordingSink();
    RecordingSink merged = new RecordingSink();

    // when
    new ExportIngest(config, topics, new IngestCounters()).ingest(dir.resolve("seed"), inMemory);
    new ExportIngest(small, topics, new IngestCounters()).ingest(dir.resolve("seed"), merged);

    // then exactly the same records in exactly the same order, and no run file left behind
    assertThat(inMemory.published).hasSizeGreaterThan(10 * 500);
    assertThat(merged.published).containsExactlyElementsOf(inMemory.published);
    try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
      assertThat(runs).isEmpty();
    }
  }

  @Test
  void shouldRouteAFilterLogEventsExportByItsFolderAndSetAsideOneWithoutALogGroup(@TempDir Path dir)
      throws Exception {
    // given a slow log page in its log group's folder, and a page straight under logs/
    Path group = dir.resolve("logs/aws/rds/cluster/ads-prod/slowquery");
    Files.createDirectories(group);
    Path page = Path.of(getClass().getResource("/files/logs/filter-log-events-pages.json").toURI());
    Files.copy(page, group.resolve("page-1.json"));
    Files.copy(page, dir.resolve("logs/stray.json"));
    IngestCounters counters = new IngestCounters();
    RecordingSink sink = new RecordingSink();

    // when
    new ExportIngest(config, topics, counters).ingest(dir, sink);

    // then the slow queries are the instance's (log stream) in the cluster (log group) ...
    assertThat(sink.published)
        .extracting(p -> (SlowQueryEntry) p.value())
        .extracting(SlowQueryEntry::getInstance, SlowQueryEntry::getCluster, e -> e.getTables())
        .containsExactly(
            tuple("ads-prod-1", "ads-prod", List.of("ad_logs")),
            tuple("ads-prod-1", "ads-prod", List.of("ad_logs")));
    // ... and the stray file and the event without a message are set aside, saying where
    assertThat(sink.dead)
        .extracting(RecordingSink.Dead::source, RecordingSink.Dead::reason)
        .containsExactlyInAnyOrder(
            tuple(
                dir.resolve("logs/stray.json") + " (line 1)",
                "filter-log-events output does not name its log group: put it in logs/<log"
                    + " group>/, e.g. logs/aws/rds/cluster/<cluster>/slowquery/"),
            tuple(group.resolve("page-1.json") + ":1 (line 10)", "it has no message"));
    assertThat(counters.deadLetters(IngestCounters.DeadLetterReason.UNREADABLE_EXPORT_ITEM))
        .isEqualTo(2);
  }

  @Test
  void shouldSayWhatADirectoryLacks(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("nothing-here"));

    assertThatThrownBy(
            () ->
                new ExportIngest(config, topics, new IngestCounters())
                    .ingest(dir, new RecordingSink()))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("kinesis/, logs/, metrics/, events/");
  }
}
