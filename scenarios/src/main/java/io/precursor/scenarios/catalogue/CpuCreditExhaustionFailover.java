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
 * Seed 001, T instance classes: a small production cluster on db.t4g.medium, against AWS's advice,
 * gets a new reconciliation job that keeps the writer's CPU pegged; CPUCreditBalance drains faster
 * than it is earned, and once it is empty CPU drops to the baseline, latency jumps and the writer
 * fails over.
 */
public final class CpuCreditExhaustionFailover {

  public static final String NAME = "seed-001-cpu-credit-exhaustion";

  private static final String DAY = "2026-11-25T";
  static final Instant START = at("08:40:00");
  static final Instant END = at("11:00:00");
  static final Instant JOB_START = at("09:40:00");
  static final Instant CREDITS_GONE = at("10:23:00");
  static final Instant FAILOVER_STARTED = at("10:31:06.550");

  private CpuCreditExhaustionFailover() {}

  public static Scenario scenario() {
    return scenario(0L);
  }

  public static Scenario scenario(long seed) {
    AuroraCluster cluster = new AuroraCluster(seed, "ledger-prod", "db.t4g.medium", 4 * GIB, 1);
    String writer = cluster.writer();
    String reader = cluster.reader(1);
    Scenario.Builder builder =
        Scenario.builder(NAME)
            .description(
                "A reconciliation job pegs the CPU of ledger-prod-1, a db.t4g.medium;"
                    + " CPUCreditBalance drains to zero, CPU falls to baseline, latency jumps and"
                    + " Aurora fails over to ledger-prod-2.")
            .seed(seed)
            .window(START, END)
            .fleet(cluster.fleet());
    cluster.failover(builder, reader, false, FAILOVER_STARTED);
    builder.fact("expectedPrecursor", "cpu-credit-exhaustion");
    builder.fact("creditsGoneAt", CREDITS_GONE);
    Instant back = at("10:32:00");

    // A db.t4g.medium earns 24 credits an hour (0.4 a minute); the job burns seven a minute.
    cluster.metric(
        builder,
        writer,
        RdsMetric.CPU_CREDIT_BALANCE,
        0.004,
        Keyframes.from(START, 276)
            .rampTo(JOB_START, 300)
            .rampTo(CREDITS_GONE, 0)
            .holdUntil(FAILOVER_STARTED)
            .stepTo(back, 0)
            .rampTo(END, 11));
    cluster.metric(
        builder,
        reader,
        RdsMetric.CPU_CREDIT_BALANCE,
        0.004,
        Keyframes.from(START, 410).rampTo(FAILOVER_STARTED, 436).rampTo(END, 380));
    cluster.metric(
        builder,
        writer,
        RdsMetric.CPU_UTILIZATION,
        0.04,
        Keyframes.from(START, 14)
            .holdUntil(JOB_START)
            .rampTo(at("09:42:00"), 97)
            .holdUntil(CREDITS_GONE)
            .rampTo(at("10:24:00"), 20)
            .holdUntil(FAILOVER_STARTED)
            .stepTo(back, 18));
    cluster.metric(
        builder,
        writer,
        RdsMetric.READ_LATENCY,
        0.08,
        Keyframes.from(START, 0.0008)
            .holdUntil(CREDITS_GONE)
            .rampTo(at("10:25:00"), 0.031)
            .holdUntil(FAILOVER_STARTED)
            .stepTo(back, 0.0009));
    cluster.metric(
        builder,
        writer,
        RdsMetric.WRITE_LATENCY,
        0.08,
        Keyframes.from(START, 0.0011)
            .holdUntil(CREDITS_GONE)
            .rampTo(at("10:25:00"), 0.047)
            .holdUntil(FAILOVER_STARTED)
            .stepTo(back, 0.0012));
    cluster.metric(
        builder,
        writer,
        RdsMetric.DATABASE_CONNECTIONS,
        0.03,
        Keyframes.from(START, 28)
            .holdUntil(CREDITS_GONE)
            .rampTo(FAILOVER_STARTED, 160)
            .stepTo(back, 6));
    cluster.everydayMetrics(builder, writer, 0.3, 1.1 * GIB);
    cluster.everydayMetrics(builder, reader, 0.2, 1.3 * GIB);

    builder.slowQueries(
        writer,
        BackgroundQueries.between(JOB_START, FAILOVER_STARTED)
            .connections(new ConnectionPool("recon", List.of("10.0.5.30"), 610, 4))
            .perMinute(3)
            .slowdown(
                Keyframes.from(JOB_START, 1.0)
                    .holdUntil(CREDITS_GONE)
                    .rampTo(at("10:25:00"), 4.5)
                    .build())
            .template(
                1,
                "ledger",
                random ->
                    new Statement(
                        "SELECT e.account_id, SUM(e.amount) FROM ledger_entries e JOIN"
                            + " payments p ON p.payment_id = e.payment_id WHERE e.booked_on ="
                            + " '2026-11-24' AND e.account_id BETWEEN "
                            + (random.nextInt(400) * 1_000)
                            + " AND "
                            + (random.nextInt(400) * 1_000 + 999)
                            + " GROUP BY e.account_id;",
                        1_000,
                        260_000 + random.nextInt(40_000),
                        1.4 + random.nextDouble() * 1.2))
            .build());
    builder.slowQueries(
        writer,
        BackgroundQueries.between(START, FAILOVER_STARTED)
            .connections(new ConnectionPool("app", List.of("10.0.2.31", "10.0.2.32"), 220, 16))
            .perMinute(1)
            .template(
                1,
                "ledger",
                random ->
                    new Statement(
                        "SELECT balance FROM accounts WHERE account_id = "
                            + random.nextInt(400_000)
                            + " FOR UPDATE;",
                        1,
                        1,
                        0.9 + random.nextDouble() * 0.4))
            .build());
    builder.errorLog(
        writer,
        AuroraCluster.everydayErrors(
            new Random(Seeds.derive(seed, "aborted")), START, FAILOVER_STARTED, "ledger", "app"));
    return builder.build();
  }

  static Instant at(String time) {
    return Instant.parse(DAY + time + "Z");
  }
}
