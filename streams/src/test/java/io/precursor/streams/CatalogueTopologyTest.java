package io.precursor.streams;

import static io.precursor.streams.Signals.GIB;
import static io.precursor.streams.Signals.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.Confirmation;
import io.precursor.schemas.DbEventKind;
import io.precursor.schemas.FailoverPrecursor;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import io.precursor.schemas.StatementKind;
import io.precursor.streams.baseline.BaselineKeeper;
import io.precursor.streams.baseline.InstanceLifecycle;
import io.precursor.streams.baseline.SeriesBaseline;
import io.precursor.streams.baseline.StoredBaselines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules that need more than one window's data, on the whole topology. */
class CatalogueTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-17T08:00:00Z");

  private final TopologyFixture topology = new TopologyFixture();

  @AfterEach
  void stop() {
    topology.close();
  }

  @Test
  void shouldFlagAFullScanStormAgainstTheFingerprintsOwnBaseline() {
    // given an hour of the lookup reading ~2,000 rows per execution, CPU at 30%
    normalLookups(0, 60, 2_000);
    assertThat(topology.precursors.isEmpty()).isTrue();

    // when its plan flips to a full scan and eight copies run at once while CPU climbs
    cpu(61, 38);
    scans(62, 8, 42_000_000);
    cpu(63, 71);

    // then one FULL_SCAN_STORM, measured against the fingerprint's own normal
    List<FailoverPrecursor> fired = topology.precursors.readValuesToList();
    assertThat(fired)
        .extracting(FailoverPrecursor::getKind)
        .containsOnly(PrecursorKind.FULL_SCAN_STORM);
    assertThat(fired.get(0).getSummary())
        .contains("5 executions of one SELECT on example running at once")
        .contains("its normal 2,000")
        .contains("IN list of 250 values");
    assertThat(fired.get(0).getId()).startsWith(WRITER + "/full-scan-storm/");
  }

  @Test
  void shouldStayQuietWhenALargeReportIsAsLargeAsAlways() {
    normalLookups(0, 60, 30_000_000);
    cpu(61, 38);
    scans(62, 8, 32_000_000);
    cpu(63, 71);

    assertThat(topology.precursors.isEmpty()).isTrue();
  }

  @Test
  void shouldFlagADeadlockStormFromTheErrorLogAndTheMetricTogether() {
    deadlockRate(0, 0.0);
    for (int i = 0; i < 8; i++) {
      topology.pipe(Signals.deadlock("d" + i, at(1).plusSeconds(i * 20L), "shop.order_items"));
    }
    deadlockRate(2, 0.012);
    deadlockRate(3, 0.02);

    List<FailoverPrecursor> fired = topology.precursors.readValuesToList();
    assertThat(fired)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getKind()).isEqualTo(PrecursorKind.DEADLOCK_STORM);
              assertThat(p.getSeverity()).isEqualTo(Severity.WARNING);
              // the window ending at minute 3 holds six of the eight dumps
              assertThat(p.getSummary()).startsWith("6 deadlock dumps in the error log");
            });
  }

  @Test
  void shouldStayQuietOnAnOccasionalDeadlock() {
    deadlockRate(0, 0.0);
    topology.pipe(Signals.deadlock("d0", at(1), "shop.order_items"));
    // the same dump redelivered is still one
    topology.pipe(Signals.deadlock("d0", at(1), "shop.order_items"));
    deadlockRate(2, 0.0017);
    deadlockRate(3, 0.0);

    assertThat(topology.precursors.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepOneEpisodeWhileDeadlocksHoverJustUnderTheThreshold() {
    // fires, then hovers for 40 minutes between the clearing level and the firing threshold
    // (longer than the 15-minute episode gap), then fires again
    deadlockBurst(0, 6);
    for (int minute = 10; minute < 50; minute += 5) {
      deadlockBurst(minute, 3);
    }
    deadlockBurst(50, 6);

    List<FailoverPrecursor> fired = topology.precursors.readValuesToList();
    assertThat(fired).extracting(FailoverPrecursor::getId).hasSize(1);
  }

  @Test
  void shouldStartANewEpisodeWhenDeadlocksClearedBetweenBursts() {
    deadlockBurst(0, 6);
    deadlockRate(30, 0.0);
    deadlockBurst(50, 6);

    assertThat(topology.precursors.readValuesToList())
        .extracting(FailoverPrecursor::getId)
        .doesNotHaveDuplicates()
        .hasSize(2);
  }

  @Test
  void shouldMarkAPrecursorUnconfirmedWhenNoFailoverFollowsWithinTheHorizon() {
    FailoverPrecursor precursor = bulkDmlPrecursor();
    assertThat(precursor.getConfirmation()).isEqualTo(Confirmation.PENDING);

    // a failover two hours later is not this precursor's; stream time passes the horizon
    Instant late = at(120);
    topology.pipe(Signals.failover(DbEventKind.FAILOVER_STARTED, late));

    List<FailoverPrecursor> again = topology.precursors.readValuesToList();
    assertThat(again)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getId()).isEqualTo(precursor.getId());
              assertThat(p.getConfirmation()).isEqualTo(Confirmation.UNCONFIRMED);
              assertThat(p.getSeverity()).isEqualTo(precursor.getSeverity());
              assertThat(p.getDetectedAt()).isEqualTo(precursor.getDetectedAt());
            });
  }

  @Test
  void shouldNotMarkAPrecursorAFailoverFollowed() {
    bulkDmlPrecursor();
    topology.pipe(Signals.failover(DbEventKind.FAILOVER_STARTED, at(30)));
    topology.pipe(Signals.failover(DbEventKind.FAILOVER_STARTED, at(180)));

    assertThat(topology.precursors.isEmpty()).isTrue();
  }

  @Test
  void shouldLeaveTheFailoverOutOfTheBaselineAndStartAfreshOnARoleChange() {
    // an hour of FreeableMemory at 12 GiB, then the failover and its aftermath at 2 GiB
    for (int minute = 0; minute < 60; minute++) {
      memory(minute, 12.0);
    }
    topology.pipe(Signals.failoverTo(DbEventKind.FAILOVER_STARTED, at(60), "ads-prod-2"));
    topology.pipe(
        Signals.instanceEvent(
            DbEventKind.RESTART,
            at(61),
            "A new writer was promoted. Restarting database as a reader."));
    for (int minute = 60; minute < 70; minute++) {
      memory(minute, 2.0);
    }

    KeyValueStore<String, InstanceLifecycle> lifecycles =
        topology.driver.getKeyValueStore(BaselineKeeper.LIFECYCLES);
    KeyValueStore<String, SeriesBaseline> baselines =
        topology.driver.getKeyValueStore(BaselineKeeper.BASELINES);
    InstanceLifecycle writer = lifecycles.get(WRITER);
    // the demoted writer is a reader now: its writer-time normal is gone
    assertThat(writer.role()).isEqualTo("READER");
    assertThat(writer.since()).isEqualTo(at(61).toEpochMilli());
    assertThat(writer.counts(at(65).toEpochMilli())).as("within the settle time").isFalse();
    assertThat(
            new StoredBaselines(
                    baselines,
                    topology.driver.getKeyValueStore(BaselineKeeper.OPEN_BUCKETS),
                    lifecycles,
                    WRITER,
                    at(80).toEpochMilli(),
                    new StreamsStageConfig(Map.of("bootstrap.servers", "x:1")).baselineSettings())
                .metric("FreeableMemory"))
        .isEmpty();
  }

  @Test
  void shouldKeepTheNormalOfTheLastHoursWithoutIncidentData() {
    for (int minute = 0; minute < 60; minute++) {
      memory(minute, 12.0);
    }
    // a restart on the instance (no role change): its minutes stay out of the baseline
    topology.pipe(Signals.instanceEvent(DbEventKind.RESTART, at(60), "DB instance restarted"));
    for (int minute = 60; minute < 75; minute++) {
      memory(minute, 1.0);
    }
    for (int minute = 75; minute < 100; minute++) {
      memory(minute, 12.0);
    }

    var normal =
        new StoredBaselines(
                topology.driver.getKeyValueStore(BaselineKeeper.BASELINES),
                topology.driver.getKeyValueStore(BaselineKeeper.OPEN_BUCKETS),
                topology.driver.getKeyValueStore(BaselineKeeper.LIFECYCLES),
                WRITER,
                at(100).toEpochMilli(),
                new StreamsStageConfig(Map.of("bootstrap.servers", "x:1")).baselineSettings())
            .metric("FreeableMemory");
    assertThat(normal).isPresent();
    assertThat(normal.get().median()).isEqualTo(12.0 * GIB);
    assertThat(normal.get().buckets()).isEqualTo(8);
  }

  // ---------------------------------------------------------------- helpers

  private FailoverPrecursor bulkDmlPrecursor() {
    memory(0, 12.0);
    for (int i = 0; i < 25; i++) {
      Instant t = at(1).plusMillis(i * 100L);
      topology.pipe(Signals.dml("b" + i, t, StatementKind.DELETE, "ad_logs"));
    }
    memory(2, 7.0);
    List<FailoverPrecursor> fired = topology.precursors.readValuesToList();
    assertThat(fired).hasSize(1);
    return fired.get(0);
  }

  private void normalLookups(int fromMinute, int toMinute, long rows) {
    for (int minute = fromMinute; minute < toMinute; minute++) {
      cpu(minute, 30);
      for (int i = 0; i < 2; i++) {
        Instant end = at(minute).plusSeconds(10 + i * 25L);
        topology.pipe(Signals.lookup("n" + minute + "-" + i, end, rows, 1.2, 250));
      }
    }
  }

  private void scans(int minute, int copies, long rows) {
    for (int i = 0; i < copies; i++) {
      // each ran for ten minutes, all overlapping
      Instant end = at(minute).plusSeconds(i * 5L);
      topology.pipe(Signals.lookup("s" + minute + "-" + i, end, rows, 600, 250));
    }
  }

  private void deadlockBurst(int minute, int dumps) {
    for (int i = 0; i < dumps; i++) {
      topology.pipe(
          Signals.deadlock(
              "d" + minute + "-" + i, at(minute).plusSeconds(5 + i * 10L), "shop.order_items"));
    }
    deadlockRate(minute + 1, dumps / 600.0 * 1.5);
  }

  private void deadlockRate(int minute, double perSecond) {
    topology.pipe(Signals.metric("Deadlocks", at(minute), perSecond));
  }

  private void cpu(int minute, double percent) {
    topology.pipe(Signals.metric("CPUUtilization", at(minute), percent));
  }

  private void memory(int minute, double gib) {
    topology.pipe(Signals.metric("FreeableMemory", at(minute), gib * GIB));
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }
}
