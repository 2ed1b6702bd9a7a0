package io.precursor.scenarios.catalogue;

import static io.precursor.scenarios.fleet.DbInstance.GIB;

import io.precursor.scenarios.Scenario;
import io.precursor.scenarios.metrics.RdsMetric;
import io.precursor.scenarios.shape.Keyframes;
import io.precursor.scenarios.shape.Seeds;
import io.precursor.scenarios.slowlog.BackgroundQueries;
import io.precursor.scenarios.slowlog.BatchWorker;
import io.precursor.scenarios.slowlog.ClientSession;
import io.precursor.scenarios.slowlog.ConnectionPool;
import io.precursor.scenarios.slowlog.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Seed 001, transaction size: with binary logging on (cross-region replication), a quarterly
 * archive job copies 3.8 million orders in one INSERT ... SELECT, then deletes them in one DELETE;
 * AWS warns that transactions of over a million rows with the binlog on can run Aurora MySQL out of
 * memory, and FreeableMemory falls until the writer fails over mid-DELETE.
 */
public final class OversizedTransactionFailover {

  public static final String NAME = "seed-001-oversized-transaction";

  private static final String DAY = "2026-11-29T";
  static final Instant START = at("01:00:00");
  static final Instant END = at("03:20:00");
  static final Instant JOB_START = at("02:00:03.118");
  static final Instant FAILOVER_STARTED = at("02:41:27.905");
  static final long ARCHIVED_ROWS = 3_812_406L;

  private OversizedTransactionFailover() {}

  public static Scenario scenario() {
    return scenario(0L);
  }

  public static Scenario scenario(long seed) {
    AuroraCluster cluster = new AuroraCluster(seed, "orders-prod", "db.r6g.xlarge", 32 * GIB, 1);
    String writer = cluster.writer();
    String reader = cluster.reader(1);
    Scenario.Builder builder =
        Scenario.builder(NAME)
            .description(
                "With the binlog on, a quarterly archive job moves 3.8 million orders in one"
                    + " INSERT ... SELECT and one DELETE; the writer orders-prod-1 runs out of"
                    + " memory and Aurora fails over to orders-prod-2.")
            .seed(seed)
            .window(START, END)
            .fleet(cluster.fleet());
    cluster.failover(builder, reader, true, FAILOVER_STARTED);
    builder.fact("expectedPrecursor", "oversized-transaction");
    builder.fact("archivedRows", ARCHIVED_ROWS);
    Instant copied = at("02:21:00");
    Instant back = at("02:43:00");

    // One statement per transaction, as the job was written: the copy finishes and is logged; the
    // DELETE is still running when the failover kills it, so the slow log never shows it.
    builder.slowQueries(
        writer,
        new BatchWorker(
            new ClientSession("archiver", "10.0.1.40", 77_310),
            "orders",
            JOB_START,
            FAILOVER_STARTED,
            Keyframes.constant(1),
            (index, random) ->
                switch (index) {
                  case 0 ->
                      new Statement(
                          "INSERT INTO orders_archive SELECT * FROM orders WHERE created_at <"
                              + " '2026-08-01 00:00:00';",
                          0,
                          ARCHIVED_ROWS,
                          1_257 + random.nextDouble() * 20);
                  case 1 ->
                      new Statement(
                          "DELETE FROM orders WHERE created_at < '2026-08-01 00:00:00';",
                          0,
                          ARCHIVED_ROWS,
                          2_900);
                  default -> null;
                }));
    builder.slowQueries(
        writer,
        BackgroundQueries.between(START, FAILOVER_STARTED)
            .connections(new ConnectionPool("app", List.of("10.0.2.21", "10.0.2.22"), 4_100, 32))
            .perMinute(3)
            .slowdown(
                Keyframes.from(START, 1.0)
                    .holdUntil(JOB_START)
                    .rampTo(FAILOVER_STARTED, 2.2)
                    .build())
            .template(
                1,
                "orders",
                random ->
                    new Statement(
                        "SELECT o.order_id, o.status, o.total FROM orders o WHERE o.customer_id = "
                            + random.nextInt(900_000)
                            + " ORDER BY o.created_at DESC LIMIT 50;",
                        50,
                        120_000 + random.nextInt(30_000),
                        0.9 + random.nextDouble() * 0.8))
            .build());
    builder.errorLog(
        writer,
        AuroraCluster.everydayErrors(
            new Random(Seeds.derive(seed, "aborted")), START, FAILOVER_STARTED, "orders", "app"));

    cluster.metric(
        builder,
        writer,
        RdsMetric.FREEABLE_MEMORY,
        0.01,
        Keyframes.from(START, 14.2 * GIB)
            .holdUntil(JOB_START)
            .rampTo(copied, 8.9 * GIB)
            .rampTo(at("02:36:00"), 2.1 * GIB)
            .rampTo(FAILOVER_STARTED, 0.3 * GIB)
            .stepTo(back, 19.5 * GIB)
            .rampTo(END, 17.0 * GIB));
    // The binlog grows with every row the job writes; only the writer keeps one.
    cluster.metric(
        builder,
        writer,
        RdsMetric.BIN_LOG_DISK_USAGE,
        0.0,
        Keyframes.from(START, 2.1 * GIB)
            .holdUntil(JOB_START)
            .rampTo(copied, 4.6 * GIB)
            .rampTo(FAILOVER_STARTED, 5.9 * GIB)
            .stepTo(back, 0));
    cluster.metric(
        builder,
        reader,
        RdsMetric.BIN_LOG_DISK_USAGE,
        0.0,
        Keyframes.from(START, 0).stepTo(back, 0.2 * GIB).rampTo(END, 0.6 * GIB));
    cluster.metric(
        builder,
        writer,
        RdsMetric.WRITE_IOPS,
        0.06,
        Keyframes.from(START, 480)
            .holdUntil(JOB_START)
            .rampTo(at("02:03:00"), 3_900)
            .holdUntil(FAILOVER_STARTED)
            .stepTo(back, 60));
    cluster.metric(
        builder,
        writer,
        RdsMetric.SWAP_USAGE,
        0.05,
        Keyframes.from(START, 0)
            .holdUntil(at("02:33:00"))
            .rampTo(FAILOVER_STARTED, 640.0 * 1024 * 1024)
            .stepTo(back, 0));
    cluster.everydayMetrics(builder, writer, 1.0, 14.2 * GIB);
    cluster.everydayMetrics(builder, reader, 0.4, 16.0 * GIB);
    return builder.build();
  }

  static Instant at(String time) {
    return Instant.parse(DAY + time + "Z");
  }
}
