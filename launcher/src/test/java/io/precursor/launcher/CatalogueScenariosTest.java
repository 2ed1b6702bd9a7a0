package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.ingest.ExportIngest;
import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.IngestCounters;
import io.precursor.ingest.IngestSink;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.scenarios.Scenarios;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.Incident;
import io.precursor.schemas.LinkedPrecursor;
import io.precursor.streams.PrecursorTopology;
import io.precursor.streams.StreamsStage;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.topics.Topic;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import io.precursor.topics.registry.MockSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5's bar: every catalogue scenario, written as AWS CLI exports and read by ingest's own
 * readers, through the whole topology — each failover story's rule fires before its failover and is
 * linked to the failover's incident with a positive lead time; the busy but healthy day emits
 * nothing. On a TopologyTestDriver, so the seven stories take seconds, not a broker run each.
 */
class CatalogueScenariosTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "seed-000",
        "seed-004-full-scan-storm",
        "seed-002-write-io-saturation",
        "seed-001-deadlock-storm",
        "seed-001-oversized-transaction",
        "seed-001-cpu-credit-exhaustion",
        "seed-001-replica-lag-growth"
      })
  void shouldWarnOfEachFailoverStoryBeforeItsFailover(String name) throws Exception {
    Outcome outcome = replay(name);
    String kind = outcome.manifest.stringFact("expectedPrecursor");
    Instant failover = outcome.manifest.instantFact("failoverStartedAt");

    List<FailoverPrecursor> expected =
        outcome.precursors.stream().filter(p -> kindName(p).equals(kind)).toList();
    assertThat(expected).as("%s precursors in %s", kind, outcome.precursors).isNotEmpty();
    FailoverPrecursor first = expected.get(0);
    assertThat(first.getDetectedAt()).isBefore(failover);
    assertThat(first.getCluster()).isEqualTo(outcome.manifest.stringFact("cluster"));

    List<LinkedPrecursor> linked =
        outcome.incidents.stream()
            .flatMap(i -> i.getPrecursors().stream())
            .filter(p -> p.getPrecursorId().equals(first.getId()))
            .toList();
    assertThat(linked).as("incidents %s", outcome.incidents).isNotEmpty();
    long lead = linked.get(0).getLeadTimeMillis();
    assertThat(lead).isPositive();
    assertThat(lead).isEqualTo(Duration.between(first.getDetectedAt(), failover).toMillis());
    System.out.printf(
        Locale.ROOT,
        "%s: %s on %s led the failover by %d min %d s; all precursors: %s%n",
        name,
        kind,
        first.getInstance(),
        lead / 60_000,
        lead / 1_000 % 60,
        outcome.precursors.stream()
            .map(p -> kindName(p) + "@" + p.getInstance() + "/" + p.getSeverity())
            .toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"busy-month-end", "steady-fleet"})
  void shouldStaySilentOnABusyButHealthyFleet(String name) throws Exception {
    Outcome outcome = replay(name);

    assertThat(outcome.precursors).isEmpty();
    assertThat(outcome.incidents).isEmpty();
  }

  private static String kindName(FailoverPrecursor precursor) {
    return precursor.getKind().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Writes the scenario, ingests its exports and runs what ingest publishes through the topology.
   */
  private Outcome replay(String name) throws Exception {
    Path exports = dir.resolve(name);
    ScenarioManifest manifest = Scenarios.write(name, exports);
    String scope = "catalogue-" + name + "-" + System.nanoTime();
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", "unused:9092");
    settings.put(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    settings.put(TopicsConfig.REPLICATION_FACTOR, "1");
    settings.put(StreamsStageConfig.STATE_DIR, dir.resolve("state").toString());
    TopicsConfig topicsConfig = new TopicsConfig(settings);
    Topics topics = new Topics(topicsConfig);
    StreamsStageConfig config = new StreamsStageConfig(settings);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            PrecursorTopology.build(config, topics),
            StreamsStage.properties(config, topicsConfig, settings))) {
      DriverSink sink = new DriverSink(driver);
      new ExportIngest(new IngestConfig(settings), topics, new IngestCounters())
          .ingest(exports, sink);
      assertThat(sink.deadLetters).as("unreadable input").isEmpty();
      assertThat(sink.piped).isPositive();
      // Latest record per precursor id (severity rises) and per incident (lifecycle changes).
      Map<String, FailoverPrecursor> precursors = new LinkedHashMap<>();
      readAll(driver, topics.precursors()).forEach(p -> precursors.putIfAbsent(p.getId(), p));
      Map<String, Incident> incidents = new LinkedHashMap<>();
      readAll(driver, topics.incidents()).forEach(i -> incidents.put(i.getId(), i));
      return new Outcome(
          manifest, List.copyOf(precursors.values()), List.copyOf(incidents.values()));
    } finally {
      MockSchemaRegistry.drop(scope);
    }
  }

  private static <V> List<V> readAll(TopologyTestDriver driver, Topic<String, V> topic) {
    return driver
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readValuesToList();
  }

  private record Outcome(
      ScenarioManifest manifest, List<FailoverPrecursor> precursors, List<Incident> incidents) {}

  /** Hands what ingest publishes, in event-time order, to the driver's input topics. */
  private static final class DriverSink implements IngestSink {
    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, Object>> inputs = new HashMap<>();
    private final List<String> deadLetters = new ArrayList<>();
    private long piped;

    DriverSink(TopologyTestDriver driver) {
      this.driver = driver;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void publish(Topic<String, V> topic, String key, V value, Instant eventTime) {
      TestInputTopic<String, Object> input =
          inputs.computeIfAbsent(
              topic.name(),
              name ->
                  (TestInputTopic<String, Object>)
                      (TestInputTopic<String, ?>)
                          driver.createInputTopic(
                              name,
                              topic.keySerde().serializer(),
                              topic.valueSerde().serializer()));
      input.pipeInput(key, value, eventTime);
      piped++;
    }

    @Override
    public void deadLetter(String source, String reason, Throwable error, byte[] raw) {
      deadLetters.add(source + ": " + reason);
    }
  }
}
