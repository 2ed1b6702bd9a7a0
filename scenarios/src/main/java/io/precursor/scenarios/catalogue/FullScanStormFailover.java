package io.precursor.scenarios.catalogue;

import static io.precursor.scenarios.fleet.DbInstance.GIB;

import io.precursor.scenarios.Scenario;
import io.precursor.scenarios.metrics.RdsMetric;
import io.precursor.scenarios.shape.Keyframes;
import io.precursor.scenarios.shape.Seeds;
import io.precursor.scenarios.slowlog.BackgroundQueries;
import io.precursor.scenarios.slowlog.ConnectionPool;
import io.precursor.scenarios.slowlog.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Seed 004: the scheduler's lookup {@code SELECT ... WHERE task_id IN (...)} with 250 ids (past
 * eq_range_index_dive_limit, so the optimizer estimates from index statistics) normally reads a few
 * thousand rows through the index; a statistics update races with it (MySQL bug #82969), the index
 * looks useless, and dozens of copies scan the two-billion-row table at once while CPU and reads
 * climb, until the writer fails over.
 */
public final class FullScanStormFailover {

  public static final String NAME = "seed-004-full-scan-storm";

  private static final String DAY = "2026-11-23T";
  static final Instant START = at("06:30:00");
  static final Instant END = at("09:10:00");
  static final Instant STATISTICS_RACE = at("08:01:00");
  static final Instant FIRST_SCANS_DONE = at("08:12:00");
  static final Instant FAILOVER_STARTED = at("08:41:19.733");
  static final long TABLE_ROWS = 2_148_331_907L;
  static final int IN_LIST = 250;

  private FullScanStormFailover() {}

  public static Scenario scenario() {
    return scenario(0L);
  }

  public static Scenario scenario(long seed) {
    AuroraCluster cluster = new AuroraCluster(seed, "tasks-prod", "db.r5.12xlarge", 384 * GIB, 1);
    String writer = cluster.writer();
    String reader = cluster.reader(1);
    Scenario.Builder builder =
        Scenario.builder(NAME)
            .description(
                "A statistics update races with the scheduler's IN-list lookup on task_runs; the"
                    + " optimizer drops the index and dozens of full scans of two billion rows run"
                    + " at once on tasks-prod-1, which fails over to tasks-prod-2.")
            .seed(seed)
            .window(START, END)
            .fleet(cluster.fleet());
    cluster.failover(builder, reader, true, FAILOVER_STARTED);
    builder.fact("expectedPrecursor", "full-scan-storm");
    builder.fact("statisticsRaceAt", STATISTICS_RACE);
    builder.fact("tableRows", TABLE_ROWS);
    Instant back = at("08:43:00");

    Keyframes load =
        Keyframes.from(START, 1.0)
            .holdUntil(STATISTICS_RACE)
            .rampTo(at("08:20:00"), 2.0)
            .rampTo(FAILOVER_STARTED, 3.2)
            .build();
    ConnectionPool scheduler =
        new ConnectionPool("scheduler", List.of("10.0.3.11", "10.0.3.12", "10.0.3.13"), 12_000, 64);
    // The lookup through the index: a dozen rows per id; some take over a second on a busy writer.
    builder.slowQueries(
        writer,
        BackgroundQueries.between(START, FAILOVER_STARTED)
            .connections(scheduler)
            .perMinute(6)
            .slowdown(load)
            .template(
                1,
                "tasks",
                random ->
                    new Statement(
                        lookup(random),
                        0,
                        IN_LIST * 11L + random.nextInt(600),
                        0.8 + random.nextDouble() * 0.7))
            .build());
    // The same lookup planned as a full scan: each finishes minutes after it started; the slow log
    // shows it when it finishes, so the first ones appear about ten minutes after the race.
    builder.slowQueries(
        writer,
        BackgroundQueries.between(FIRST_SCANS_DONE, FAILOVER_STARTED)
            .connections(scheduler)
            .perMinute(Keyframes.from(FIRST_SCANS_DONE, 2.5).rampTo(at("08:25:00"), 6).build())
            .slowdown(load)
            .template(
                1,
                "tasks",
                random ->
                    new Statement(lookup(random), 0, TABLE_ROWS, 300 + random.nextDouble() * 120))
            .build());
    builder.errorLog(
        writer,
        AuroraCluster.everydayErrors(
            new Random(Seeds.derive(seed, "aborted")),
            START,
            FAILOVER_STARTED,
            "tasks",
            "scheduler"));

    cluster.metric(
        builder,
        writer,
        RdsMetric.CPU_UTILIZATION,
        0.04,
        Keyframes.from(START, 31)
            .holdUntil(STATISTICS_RACE)
            .rampTo(at("08:15:00"), 64)
            .rampTo(at("08:35:00"), 96)
            .holdUntil(FAILOVER_STARTED)
            .stepTo(back, 22));
    cluster.metric(
        builder,
        writer,
        RdsMetric.READ_IOPS,
        0.06,
        Keyframes.from(START, 2_400)
            .holdUntil(STATISTICS_RACE)
            .rampTo(at("08:15:00"), 19_000)
            .rampTo(FAILOVER_STARTED, 31_000)
            .stepTo(back, 5_200)
            .rampTo(END, 2_600));
    cluster.metric(
        builder,
        writer,
        RdsMetric.READ_LATENCY,
        0.08,
        Keyframes.from(START, 0.0006)
            .holdUntil(STATISTICS_RACE)
            .rampTo(FAILOVER_STARTED, 0.0094)
            .stepTo(back, 0.0011));
    cluster.metric(
        builder,
        writer,
        RdsMetric.DATABASE_CONNECTIONS,
        0.03,
        Keyframes.from(START, 180)
            .holdUntil(STATISTICS_RACE)
            .rampTo(FAILOVER_STARTED, 720)
            .stepTo(back, 40));
    cluster.everydayMetrics(builder, writer, 2.0, 150 * GIB);
    cluster.everydayMetrics(builder, reader, 0.8, 170 * GIB);
    return builder.build();
  }

  private static String lookup(Random random) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT task_id, run_at, state, worker FROM task_runs WHERE task_id IN (");
    for (int i = 0; i < IN_LIST; i++) {
      sql.append(i == 0 ? "" : ",").append(90_000_000 + random.nextInt(9_000_000));
    }
    return sql.append(");").toString();
  }

  static Instant at(String time) {
    return Instant.parse(DAY + time + "Z");
  }
}
