package io.precursor.ingest.files;

import static io.precursor.ingest.files.Entries.all;
import static io.precursor.ingest.files.Entries.error;
import static io.precursor.ingest.files.Entries.fixture;
import static io.precursor.ingest.files.Entries.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.scenarios.BundledScenarios;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.schemas.DbEvent;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.DbEventSourceType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeEventsFileTest {

  @TempDir Path temp;

  @Test
  void shouldReadClusterAndInstanceEventsAndClassifyThemByText() throws IOException {
    List<FileEntry<DbEvent>> entries =
        all(
            DescribeEventsFile.read(
                fixture("events/describe-events.json"),
                new InstanceClusters(Map.of("ads-prod-1", "ads-prod"))));

    assertThat(entries).hasSize(4);
    DbEvent started = value(entries.get(0));
    assertThat(started.getKind()).isEqualTo(DbEventKind.FAILOVER_STARTED);
    assertThat(started.getSourceType()).isEqualTo(DbEventSourceType.DB_CLUSTER);
    assertThat(started.getSourceId()).isEqualTo("ads-prod");
    assertThat(started.getCluster()).isEqualTo("ads-prod");
    assertThat(started.getInstance()).isNull();
    assertThat(started.getTime()).isEqualTo(Instant.parse("2026-11-17T09:47:31.274Z"));
    assertThat(started.getEventId()).isNull();
    assertThat(started.getCategories()).containsExactly("failover");
    assertThat(started.getSourceArn())
        .isEqualTo("arn:aws:rds:us-east-1:123456789012:cluster:ads-prod");

    DbEvent restarted = value(entries.get(1));
    assertThat(restarted.getKind()).isEqualTo(DbEventKind.RESTART);
    assertThat(restarted.getSourceType()).isEqualTo(DbEventSourceType.DB_INSTANCE);
    assertThat(restarted.getInstance()).isEqualTo("ads-prod-1");
    assertThat(restarted.getCluster()).isEqualTo("ads-prod");

    FileReadError undated = error(entries.get(2));
    assertThat(undated.position().index()).isEqualTo(2);
    assertThat(undated.reason()).isEqualTo("it has no Date");

    assertThat(value(entries.get(3)).getKind()).isEqualTo(DbEventKind.FAILOVER_COMPLETED);
  }

  @Test
  void shouldFindTheFailoverOfTheBundledSeed000ScenarioAtItsFactTimes() throws IOException {
    ScenarioManifest manifest = BundledScenarios.extract("seed-000", temp.resolve("seed-000"));

    List<DbEvent> cluster =
        Entries.values(
            all(DescribeEventsFile.read(temp.resolve("seed-000/events/describe-events.json"))));
    List<DbEvent> instances =
        Entries.values(
            all(
                DescribeEventsFile.read(
                    temp.resolve("seed-000/events/describe-events-db-instance.json"))));

    assertThat(cluster)
        .extracting(DbEvent::getKind, DbEvent::getTime)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                DbEventKind.FAILOVER_STARTED, manifest.instantFact("failoverStartedAt")),
            org.assertj.core.groups.Tuple.tuple(
                DbEventKind.FAILOVER_COMPLETED, manifest.instantFact("failoverCompletedAt")));
    assertThat(instances).extracting(DbEvent::getKind).containsOnly(DbEventKind.RESTART);
  }
}
