package io.precursor.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.scenarios.Scenario;
import io.precursor.scenarios.ScenarioFile;
import io.precursor.scenarios.ScenarioManifest;
import io.precursor.scenarios.ScenarioWriter;
import io.precursor.scenarios.Scenarios;
import io.precursor.scenarios.events.RdsEvent;
import io.precursor.scenarios.slowlog.SlowQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalogue's stories: deterministic, and each ending the way its seed tells it. */
class CatalogueStoriesTest {

  private static final List<String> FAILOVER_STORIES =
      List.of(
          FullScanStormFailover.NAME,
          WriteIoSaturationFailover.NAME,
          DeadlockStormFailover.NAME,
          OversizedTransactionFailover.NAME,
          CpuCreditExhaustionFailover.NAME,
          ReplicaLagGrowthFailover.NAME);

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        FullScanStormFailover.NAME,
        WriteIoSaturationFailover.NAME,
        DeadlockStormFailover.NAME,
        OversizedTransactionFailover.NAME,
        CpuCreditExhaustionFailover.NAME,
        ReplicaLagGrowthFailover.NAME,
        BusyMonthEnd.NAME
      })
  void shouldWriteTheSameBytesForTheSameSeed(String name) throws Exception {
    ScenarioManifest first = Scenarios.write(name, temp.resolve("a"));
    Scenarios.write(name, temp.resolve("b"));

    assertThat(first.files()).isNotEmpty();
    for (ScenarioFile file : first.files()) {
      assertThat(temp.resolve("b").resolve(file.path()))
          .hasSameBinaryContentAs(temp.resolve("a").resolve(file.path()));
    }
  }

  @Test
  void shouldTellADifferentStoryWithAnotherSeed() throws Exception {
    List<LongFunction<Scenario>> stories =
        List.of(
            FullScanStormFailover::scenario,
            WriteIoSaturationFailover::scenario,
            DeadlockStormFailover::scenario,
            OversizedTransactionFailover::scenario,
            CpuCreditExhaustionFailover::scenario,
            ReplicaLagGrowthFailover::scenario,
            BusyMonthEnd::scenario);
    for (LongFunction<Scenario> story : stories) {
      Scenario zero = story.apply(0L);
      ScenarioWriter.write(zero, temp.resolve(zero.name() + "-0"));
      ScenarioWriter.write(story.apply(1L), temp.resolve(zero.name() + "-1"));
      String metrics = "metrics/get-metric-data.json";
      assertThat(Files.readAllBytes(temp.resolve(zero.name() + "-1").resolve(metrics)))
          .as(zero.name())
          .isNotEqualTo(Files.readAllBytes(temp.resolve(zero.name() + "-0").resolve(metrics)));
    }
  }

  @Test
  void shouldEndEachFailoverStoryWithAStartedThenCompletedFailoverInsideItsWindow() {
    for (String name : FAILOVER_STORIES) {
      Scenario scenario = Scenarios.named(name);
      Instant started = Instant.parse((String) scenario.facts().get("failoverStartedAt"));
      List<RdsEvent> failovers =
          scenario.events().stream().filter(e -> e.eventCategories().contains("failover")).toList();

      assertThat(failovers).as(name).hasSize(2);
      assertThat(failovers.get(0).message()).startsWith("Started ");
      assertThat(failovers.get(0).date()).isEqualTo(started);
      assertThat(failovers.get(1).message()).startsWith("Completed failover");
      assertThat(started).isAfter(scenario.start()).isBefore(scenario.end());
      assertThat(scenario.facts()).containsKey("expectedPrecursor");
    }
  }

  @Test
  void shouldLogTheArchiveCopyAsOneStatementOfMillionsOfRowsAndNeverTheKilledDelete() {
    Scenario scenario = OversizedTransactionFailover.scenario();
    long largest = 0;
    boolean deleteLogged = false;
    for (Iterator<SlowQuery> entries = scenario.slowLog("orders-prod-1").entries();
        entries.hasNext(); ) {
      SlowQuery entry = entries.next();
      largest = Math.max(largest, entry.rowsExamined());
      deleteLogged |= entry.sql().startsWith("DELETE FROM orders");
    }

    assertThat(largest).isEqualTo(OversizedTransactionFailover.ARCHIVED_ROWS);
    assertThat(deleteLogged).isFalse();
  }

  @Test
  void shouldLogFullScansOfTheWholeTableOnlyAfterTheStatisticsRace() {
    Scenario scenario = FullScanStormFailover.scenario();
    Instant firstScan = null;
    long lookups = 0;
    for (Iterator<SlowQuery> entries = scenario.slowLog("tasks-prod-1").entries();
        entries.hasNext(); ) {
      SlowQuery entry = entries.next();
      if (entry.rowsExamined() == FullScanStormFailover.TABLE_ROWS) {
        firstScan = firstScan == null ? entry.loggedAt() : firstScan;
        Instant started = entry.loggedAt().minusMillis(Math.round(entry.queryTime() * 1000));
        assertThat(started).isAfterOrEqualTo(FullScanStormFailover.STATISTICS_RACE);
      } else if (firstScan == null) {
        lookups++;
      }
    }

    assertThat(firstScan).isNotNull();
    // enough indexed lookups before the race for the fingerprint's own baseline
    assertThat(lookups).isGreaterThan(100);
  }
}
