package io.precursor.ingest.files;

import static io.precursor.ingest.files.Entries.all;
import static io.precursor.ingest.files.Entries.error;
import static io.precursor.ingest.files.Entries.fixture;
import static io.precursor.ingest.files.Entries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.scenarios.BundledScenarios;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.schemas.MetricSample;
import io.precursor.schemas.MetricScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricDataFileTest {

  private static final Path RESULTS = fixture("metrics/get-metric-data.json");
  private static final Path QUERIES = fixture("metrics/queries.json");

  @TempDir Path temp;

  private List<FileEntry<MetricSample>> entries() throws IOException {
    return all(
        MetricDataFile.read(
            RESULTS, QUERIES, new InstanceClusters(Map.of("ads-prod-1", "ads-prod"))));
  }

  @Test
  void shouldJoinResultsToQueriesByIdAndYieldEachSeriesOldestFirst() throws IOException {
    List<FileEntry<MetricSample>> entries = entries();

    // the file lists m0 newest first
    assertThat(entries.subList(0, 3))
        .extracting(entry -> value(entry).getTime())
        .containsExactly(
            Instant.parse("2026-11-17T09:45:00Z"),
            Instant.parse("2026-11-17T09:46:00Z"),
            Instant.parse("2026-11-17T09:47:00Z"));
    MetricSample latest = value(entries.get(2));
    assertThat(latest.getMetric()).isEqualTo("FreeableMemory");
    assertThat(latest.getScope()).isEqualTo(MetricScope.INSTANCE);
    assertThat(latest.getInstance()).isEqualTo("ads-prod-1");
    assertThat(latest.getCluster()).isEqualTo("ads-prod");
    assertThat(latest.getValue()).isEqualTo(245161977.0);
    assertThat(latest.getStatistic()).isEqualTo("Average");
    assertThat(latest.getPeriodSeconds()).isEqualTo(60);
  }

  @Test
  void shouldKeyClusterSeriesByClusterAndRoleSeriesByClusterAndRole() throws IOException {
    List<FileEntry<MetricSample>> entries = entries();

    MetricSample clusterWide = value(entries.get(3));
    assertThat(clusterWide.getMetric()).isEqualTo("AuroraReplicaLagMaximum");
    assertThat(clusterWide.getScope()).isEqualTo(MetricScope.CLUSTER);
    assertThat(clusterWide.getInstance()).isEqualTo("ads-prod");
    assertThat(clusterWide.getCluster()).isEqualTo("ads-prod");
    assertThat(clusterWide.getStatistic()).isEqualTo("Maximum");

    MetricSample writerRole = value(entries.get(5));
    assertThat(writerRole.getScope()).isEqualTo(MetricScope.CLUSTER);
    assertThat(writerRole.getInstance()).isEqualTo("ads-prod/WRITER");
    assertThat(writerRole.getCluster()).isEqualTo("ads-prod");
  }

  @Test
  void shouldReportEachResultItCannotPlaceAndGoOn() throws IOException {
    List<FileEntry<MetricSample>> entries = entries();

    // results 3..7 of the file: EC2 namespace, unknown dimension, metric math, short Values, no
    // query
    assertThat(entries.subList(6, 11))
        .extracting(entry -> error(entry).position().index())
        .containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(error(entries.get(6)).reason()).contains("namespace AWS/EC2");
    assertThat(error(entries.get(7)).reason()).contains("[EngineName]");
    assertThat(error(entries.get(8)).reason()).contains("metric math");
    assertThat(error(entries.get(9)).reason()).contains("as many Values as Timestamps");
    assertThat(error(entries.get(10)).reason()).contains("m9").contains("queries.json");
    assertThat(error(entries.get(10)).raw()).contains("\"Id\":\"m9\"");
    // a PartialData result after the bad ones is still read
    assertThat(value(entries.get(11)).getTime()).isEqualTo(Instant.parse("2026-11-17T09:44:00Z"));
    assertThat(entries).hasSize(12);
  }

  @Test
  void shouldLeaveTheClusterEmptyWhenNothingSaysWhichClusterAnInstanceIsIn() throws IOException {
    List<FileEntry<MetricSample>> entries = all(MetricDataFile.read(RESULTS, QUERIES));

    assertThat(value(entries.get(0)).getCluster()).isNull();
  }

  @Test
  void shouldRefuseAQueriesFileThatIsNotAListOfQueries() throws IOException {
    Path queries = Files.writeString(temp.resolve("queries.json"), "{\"Id\": \"m0\"");

    assertThatThrownBy(() -> MetricDataFile.read(RESULTS, queries))
        .isInstanceOf(ExportFileException.class)
        .hasMessageContaining("queries.json")
        .hasMessageContaining("line 1");
  }

  @Test
  void shouldRefuseQueriesWithRepeatedIds() throws IOException {
    Path queries =
        Files.writeString(temp.resolve("queries.json"), "[{\"Id\": \"m0\"}, {\"Id\": \"m0\"}]");

    assertThatThrownBy(() -> MetricDataFile.read(RESULTS, queries))
        .isInstanceOf(ExportFileException.class)
        .hasMessageContaining("repeats the Id m0");
  }

  @Test
  void shouldReadEveryDatapointOfTheBundledSeed000Scenario() throws IOException {
    ScenarioManifest manifest = BundledScenarios.extract("seed-000", temp.resolve("seed-000"));

    List<MetricSample> samples =
        Entries.values(
            all(
                MetricDataFile.read(
                    temp.resolve("seed-000/metrics/get-metric-data.json"),
                    temp.resolve("seed-000/metrics/queries.json"))));

    assertThat((long) samples.size()).isEqualTo(manifest.longFact("metricDatapoints"));
    Map<String, List<MetricSample>> bySeries =
        samples.stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.getInstance() + "/" + s.getMetric(), HashMap::new, Collectors.toList()));
    assertThat(bySeries.get("ads-prod-1/FreeableMemory"))
        .isSortedAccordingTo(Comparator.comparing(MetricSample::getTime));
    assertThat(bySeries).containsKey("ads-prod/WRITER/FreeableMemory");
    MetricSample lowest =
        bySeries.get("ads-prod-1/FreeableMemory").stream()
            .min(Comparator.comparingDouble(MetricSample::getValue))
            .orElseThrow();
    assertThat(lowest.getTime()).isEqualTo(manifest.instantFact("writerFreeableMemoryMinimumAt"));
  }
}
