package io.precursor.streams;

import static io.precursor.streams.Signals.GIB;
import static io.precursor.streams.Signals.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.IncidentState;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.schemas.StatementKind;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import io.precursor.topics.registry.MockSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrecursorTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-17T09:00:00Z");

  private final String scope = "topology-test-" + System.nanoTime();
  private TopologyTestDriver driver;
  private Topics topics;
  private TestInputTopic<String, SlowQueryEntry> slowlog;
  private TestInputTopic<String, MetricSample> metrics;
  private TestInputTopic<String, DbEvent> events;
  private TestOutputTopic<String, FailoverPrecursor> precursors;
  private TestOutputTopic<String, Incident> incidents;

  @BeforeEach
  void start() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", "unused:9092");
    settings.put("schema.registry.url", "mock://" + scope);
    settings.put("topics.replication.factor", "1");
    topics = new Topics(new TopicsConfig(settings));
    StreamsStageConfig config = new StreamsStageConfig(settings);
    Properties props = StreamsStage.properties(config, new TopicsConfig(settings), settings);
    driver = new TopologyTestDriver(PrecursorTopology.build(config, topics), props);
    slowlog = input(topics.slowQueries());
    metrics = input(topics.metrics());
    events = input(topics.dbEvents());
    precursors =
        driver.createOutputTopic(
            topics.precursors().name(),
            topics.precursors().keySerde().deserializer(),
            topics.precursors().valueSerde().deserializer());
    incidents =
        driver.createOutputTopic(
            topics.incidents().name(),
            topics.incidents().keySerde().deserializer(),
            topics.incidents().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    MockSchemaRegistry.drop(scope);
  }

  @Test
  void shouldFlagBulkDmlWhenFreeableMemoryFallsDuringDeleteBurst() {
    // given a healthy instance: 12 GiB free
    memory(0, 12.0);
    memory(1, 12.0);
    assertThat(precursors.isEmpty()).as("nothing yet").isTrue();

    // when the batch deletes in bursts on ad_logs while memory falls
    deleteBurst(2, 25);
    memory(2, 11.5);
    assertThat(precursors.isEmpty()).as("burst alone, memory still fine").isTrue();
    memory(3, 7.5);

    // then a WARNING is announced at the datapoint that tipped it
    List<FailoverPrecursor> warned = precursors.readValuesToList();
    assertThat(warned).hasSize(1);
    FailoverPrecursor warning = warned.get(0);
    assertThat(warning.getKind()).isEqualTo(PrecursorKind.BULK_DML_MEMORY_PRESSURE);
    assertThat(warning.getSeverity()).isEqualTo(Severity.WARNING);
    assertThat(warning.getInstance()).isEqualTo(WRITER);
    assertThat(warning.getCluster()).isEqualTo("ads-prod");
    assertThat(warning.getDetectedAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
    assertThat(warning.getId())
        .isEqualTo("ads-prod-1/bulk-dml-memory-pressure/2026-11-17T09:03:00Z");
    assertThat(warning.getSummary()).contains("25 DELETE").contains("ad_logs").contains("fell 38%");
    assertThat(warning.getTopFingerprints()).extracting(f -> f.getCount()).containsExactly(25L);
    assertThat(warning.getMetrics()).extracting(m -> m.getMetric()).contains("FreeableMemory");

    // when memory keeps falling: no repeat of the WARNING, one CRITICAL under the same id
    memory(4, 6.0);
    assertThat(precursors.isEmpty()).isTrue();
    memory(5, 1.5);
    List<FailoverPrecursor> escalated = precursors.readValuesToList();
    assertThat(escalated)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getSeverity()).isEqualTo(Severity.CRITICAL);
              assertThat(p.getId()).isEqualTo(warning.getId());
            });
  }

  @Test
  void shouldStayQuietWhenTheMonthEndBatchStaysWithinMemory() {
    memory(0, 12.0);
    deleteBurst(1, 60);
    memory(1, 11.6);
    memory(2, 11.2);
    memory(3, 11.9);

    assertThat(precursors.isEmpty()).isTrue();
  }

  @Test
  void shouldStayQuietWhenMemoryFallsWithoutBulkWrites() {
    memory(0, 12.0);
    memory(3, 2.0);

    assertThat(precursors.isEmpty()).isTrue();
  }

  @Test
  void shouldCountARedeliveredEntryOnce() {
    memory(0, 12.0);
    // 19 distinct entries, each delivered twice: still below the 20-entry burst threshold.
    for (int i = 0; i < 19; i++) {
      SlowQueryEntry entry =
          Signals.dml("e-" + i, T0.plusSeconds(70 + i), StatementKind.DELETE, "ad_logs");
      slowlog.pipeInput(WRITER, entry, entry.getEventTime());
      slowlog.pipeInput(WRITER, entry, entry.getEventTime());
    }
    memory(2, 2.0);

    assertThat(precursors.isEmpty()).isTrue();
  }

  @Test
  void shouldOpenAnIncidentLinkingThePrecursorWithItsLeadTimeAndCloseItWithRto() {
    memory(0, 12.0);
    deleteBurst(1, 30);
    memory(2, 6.0);
    memory(4, 1.0);
    List<FailoverPrecursor> episode = precursors.readValuesToList();
    assertThat(episode)
        .extracting(p -> p.getSeverity())
        .containsExactly(Severity.WARNING, Severity.CRITICAL);
    FailoverPrecursor precursor = episode.get(0);
    assertThat(incidents.isEmpty()).isTrue();

    Instant started = T0.plus(Duration.ofMinutes(27));
    events.pipeInput("ads-prod", Signals.failover(DbEventKind.FAILOVER_STARTED, started), started);
    Instant completed = started.plusSeconds(42);
    events.pipeInput(
        "ads-prod", Signals.failover(DbEventKind.FAILOVER_COMPLETED, completed), completed);

    List<Incident> lifecycle = incidents.readValuesToList();
    assertThat(lifecycle).hasSize(2);
    Incident opened = lifecycle.get(0);
    assertThat(opened.getId()).isEqualTo("ads-prod/failover/2026-11-17T09:27:00Z");
    assertThat(opened.getState()).isEqualTo(IncidentState.FAILOVER_STARTED);
    assertThat(opened.getPrecursors())
        .singleElement()
        .satisfies(
            linked -> {
              assertThat(linked.getPrecursorId()).isEqualTo(precursor.getId());
              // counted from the first WARNING, at the severity the episode reached
              assertThat(linked.getLeadTimeMillis()).isEqualTo(Duration.ofMinutes(25).toMillis());
              assertThat(linked.getSeverity()).isEqualTo(Severity.CRITICAL);
            });
    Incident closed = lifecycle.get(1);
    assertThat(closed.getId()).isEqualTo(opened.getId());
    assertThat(closed.getState()).isEqualTo(IncidentState.FAILOVER_COMPLETED);
    assertThat(closed.getRtoMillis()).isEqualTo(42_000L);
  }

  @Test
  void shouldLeaveOutPrecursorsOlderThanTheHorizon() {
    memory(0, 12.0);
    deleteBurst(1, 30);
    memory(2, 6.0);
    precursors.readValue();

    Instant started = T0.plus(Duration.ofMinutes(90));
    events.pipeInput("ads-prod", Signals.failover(DbEventKind.FAILOVER_STARTED, started), started);

    assertThat(incidents.readValue().getPrecursors()).isEmpty();
  }

  @Test
  void shouldGoOnAfterUnreadableInput() {
    TestInputTopic<String, byte[]> raw =
        driver.createInputTopic(
            topics.slowQueries().name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    raw.pipeInput(WRITER, "not avro".getBytes(StandardCharsets.UTF_8), T0);

    memory(0, 12.0);
    deleteBurst(1, 30);
    memory(2, 6.0);

    assertThat(precursors.readValuesToList()).hasSize(1);
  }

  private <V> TestInputTopic<String, V> input(io.precursor.topics.Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private void memory(int minute, double gib) {
    Instant at = T0.plus(Duration.ofMinutes(minute));
    metrics.pipeInput(WRITER, Signals.metric("FreeableMemory", at, gib * GIB), at);
  }

  private void deleteBurst(int minute, int entries) {
    for (int i = 0; i < entries; i++) {
      Instant at = T0.plus(Duration.ofMinutes(minute)).plusMillis(i * 100L);
      slowlog.pipeInput(
          WRITER, Signals.dml("m" + minute + "-" + i, at, StatementKind.DELETE, "ad_logs"), at);
    }
  }
}
