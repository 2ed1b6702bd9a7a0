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
import java.util.Locale;
import java.util.Random;

/**
 * Seed 002: a sign-up campaign drives the onboarding database's small write transactions to the
 * storage's IOPS ceiling on the largest instance class; WriteIOPS flattens while CommitLatency and
 * DiskQueueDepth keep climbing (commits wait on redo-log and binlog flushes), reads still pass, and
 * the writer fails over.
 */
public final class WriteIoSaturationFailover {

  public static final String NAME = "seed-002-write-io-saturation";

  private static final String DAY = "2026-11-24T";
  static final Instant START = at("10:00:00");
  static final Instant END = at("12:10:00");
  static final Instant CAMPAIGN = at("10:40:00");
  static final Instant CEILING = at("10:55:00");
  static final Instant FAILOVER_STARTED = at("11:31:52.617");

  private WriteIoSaturationFailover() {}

  public static Scenario scenario() {
    return scenario(0L);
  }

  public static Scenario scenario(long seed) {
    AuroraCluster cluster =
        new AuroraCluster(seed, "onboarding-prod", "db.r5.24xlarge", 768 * GIB, 1);
    String writer = cluster.writer();
    String reader = cluster.reader(1);
    Scenario.Builder builder =
        Scenario.builder(NAME)
            .description(
                "A sign-up campaign pushes onboarding-prod's commits to the storage's IOPS"
                    + " ceiling: WriteIOPS flat, CommitLatency and DiskQueueDepth climbing, reads"
                    + " fine; the writer onboarding-prod-1 fails over to onboarding-prod-2.")
            .seed(seed)
            .window(START, END)
            .fleet(cluster.fleet());
    cluster.failover(builder, reader, true, FAILOVER_STARTED);
    builder.fact("expectedPrecursor", "write-io-saturation");
    builder.fact("writeIopsCeilingFrom", CEILING);
    Instant back = at("11:33:00");

    cluster.metric(
        builder,
        writer,
        RdsMetric.WRITE_IOPS,
        0.025,
        Keyframes.from(START, 14_500)
            .holdUntil(CAMPAIGN)
            .rampTo(CEILING, 41_800)
            .holdUntil(FAILOVER_STARTED)
            .stepTo(back, 900)
            .rampTo(END, 1_200));
    // Each ten minutes at the ceiling more than doubles the wait for a commit.
    cluster.metric(
        builder,
        writer,
        RdsMetric.COMMIT_LATENCY,
        0.05,
        Keyframes.from(START, 2.8)
            .holdUntil(CAMPAIGN)
            .rampTo(CEILING, 4.6)
            .rampTo(at("11:05:00"), 9.8)
            .rampTo(at("11:15:00"), 24)
            .rampTo(at("11:25:00"), 61)
            .rampTo(FAILOVER_STARTED, 118)
            .stepTo(back, 2.4));
    cluster.metric(
        builder,
        writer,
        RdsMetric.DISK_QUEUE_DEPTH,
        0.06,
        Keyframes.from(START, 3.1)
            .holdUntil(CAMPAIGN)
            .rampTo(CEILING, 5.2)
            .rampTo(at("11:05:00"), 11.5)
            .rampTo(at("11:15:00"), 27)
            .rampTo(at("11:25:00"), 66)
            .rampTo(FAILOVER_STARTED, 131)
            .stepTo(back, 1.1));
    cluster.metric(
        builder,
        writer,
        RdsMetric.DML_LATENCY,
        0.08,
        Keyframes.from(START, 1.4)
            .holdUntil(CAMPAIGN)
            .rampTo(CEILING, 2.6)
            .rampTo(FAILOVER_STARTED, 74)
            .stepTo(back, 1.2));
    cluster.metric(
        builder,
        writer,
        RdsMetric.DATABASE_CONNECTIONS,
        0.03,
        Keyframes.from(START, 410)
            .holdUntil(CAMPAIGN)
            .rampTo(CEILING, 640)
            .rampTo(FAILOVER_STARTED, 1_850)
            .stepTo(back, 90));
    // Reads still pass: read latency barely moves.
    cluster.metric(
        builder,
        writer,
        RdsMetric.READ_LATENCY,
        0.08,
        Keyframes.from(START, 0.00051).holdUntil(FAILOVER_STARTED).stepTo(back, 0.0009));
    cluster.metric(
        builder,
        writer,
        RdsMetric.CPU_UTILIZATION,
        0.05,
        Keyframes.from(START, 21)
            .holdUntil(CAMPAIGN)
            .rampTo(CEILING, 34)
            .holdUntil(FAILOVER_STARTED)
            .stepTo(back, 9));
    cluster.everydayMetrics(builder, writer, 3.0, 310 * GIB);
    cluster.everydayMetrics(builder, reader, 1.0, 330 * GIB);

    Keyframes slowdown =
        Keyframes.from(START, 1.0)
            .holdUntil(CEILING)
            .rampTo(at("11:15:00"), 2.2)
            .rampTo(FAILOVER_STARTED, 5.0)
            .build();
    builder.slowQueries(
        writer,
        BackgroundQueries.between(START, FAILOVER_STARTED)
            .connections(
                new ConnectionPool("onboarding", List.of("10.0.6.11", "10.0.6.12"), 8_800, 256))
            .perMinute(Keyframes.from(START, 6).holdUntil(CAMPAIGN).rampTo(CEILING, 30).build())
            .slowdown(slowdown)
            .template(
                3,
                "onboarding",
                random ->
                    new Statement(
                        String.format(
                            Locale.ROOT,
                            "UPDATE onboarding_steps SET step = %d, updated_at = NOW() WHERE"
                                + " user_id = %d;",
                            1 + random.nextInt(7),
                            40_000_000 + random.nextInt(3_000_000)),
                        0,
                        1,
                        0.6 + random.nextDouble() * 0.6))
            .template(
                2,
                "onboarding",
                random ->
                    new Statement(
                        String.format(
                            Locale.ROOT,
                            "INSERT INTO users (email, created_at, source) VALUES"
                                + " ('user%d@example.com', NOW(), 'campaign-nov');",
                            random.nextInt(90_000_000)),
                        0,
                        0,
                        0.5 + random.nextDouble() * 0.7))
            .build());
    builder.errorLog(
        writer,
        AuroraCluster.everydayErrors(
            new Random(Seeds.derive(seed, "aborted")),
            START,
            FAILOVER_STARTED,
            "onboarding",
            "onboarding"));
    return builder.build();
  }

  static Instant at(String time) {
    return Instant.parse(DAY + time + "Z");
  }
}
