package io.precursor.scenarios.catalogue;

import static io.precursor.scenarios.fleet.DbInstance.GIB;

import io.precursor.scenarios.Scenario;
import io.precursor.scenarios.errorlog.ErrorLogLine;
import io.precursor.scenarios.errorlog.ErrorLogLines;
import io.precursor.scenarios.errorlog.ErrorLogLines.Deadlock;
import io.precursor.scenarios.metrics.RdsMetric;
import io.precursor.scenarios.shape.Keyframes;
import io.precursor.scenarios.shape.Seeds;
import io.precursor.scenarios.slowlog.BackgroundQueries;
import io.precursor.scenarios.slowlog.ConnectionPool;
import io.precursor.scenarios.slowlog.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seed 001, deadlocks: a flash sale sends concurrent upserts (INSERT ... ON DUPLICATE KEY UPDATE)
 * into a table with a unique secondary index — the pattern AWS names for the extra locking since
 * MySQL 5.7.26 — and they deadlock more and more; the error log (innodb_print_all_deadlocks) and
 * the Deadlocks metric climb together, connections pile up behind the lock waits, and the stalled
 * writer fails over.
 */
public final class DeadlockStormFailover {

  public static final String NAME = "seed-001-deadlock-storm";

  private static final String DAY = "2026-11-27T";
  static final Instant START = at("10:00:00");
  static final Instant END = at("11:40:00");
  static final Instant SALE_START = at("10:30:00");
  static final Instant FAILOVER_STARTED = at("11:08:14.402");
  private static final String TABLE = "shop.inventory_reservations";

  private DeadlockStormFailover() {}

  public static Scenario scenario() {
    return scenario(0L);
  }

  public static Scenario scenario(long seed) {
    AuroraCluster cluster = new AuroraCluster(seed, "shop-prod", "db.r6g.2xlarge", 64 * GIB, 1);
    String writer = cluster.writer();
    String reader = cluster.reader(1);
    Scenario.Builder builder =
        Scenario.builder(NAME)
            .description(
                "A flash sale's concurrent upserts on shop.inventory_reservations deadlock more and"
                    + " more on its unique index; the writer shop-prod-1 stalls and Aurora fails"
                    + " over to shop-prod-2.")
            .seed(seed)
            .window(START, END)
            .fleet(cluster.fleet());
    cluster.failover(builder, reader, true, FAILOVER_STARTED);
    Instant back = at("11:09:00");

    // Deadlocks a minute: none before the sale, then more with every wave of orders.
    Keyframes deadlocksPerMinute =
        Keyframes.from(START, 0)
            .holdUntil(SALE_START)
            .rampTo(at("10:38:00"), 1.2)
            .rampTo(at("10:55:00"), 3.5)
            .rampTo(FAILOVER_STARTED, 7)
            .stepTo(FAILOVER_STARTED, 0)
            .build();
    Random random = new Random(Seeds.derive(seed, "deadlocks"));
    List<ErrorLogLine> dumps = new ArrayList<>();
    long transaction = 98_412_000L;
    for (Instant at : Arrivals.between(START, FAILOVER_STARTED, deadlocksPerMinute, random)) {
      long sku = 20_000 + random.nextInt(300);
      dumps.addAll(
          ErrorLogLines.deadlockDump(
              at,
              transaction,
              new Deadlock(2_200 + random.nextInt(96), "10.0.2.14", "shop", upsert(sku, random)),
              new Deadlock(2_200 + random.nextInt(96), "10.0.2.15", "shop", upsert(sku, random)),
              TABLE,
              "uk_sku_warehouse"));
      transaction += 2 + random.nextInt(4_000);
    }
    builder.errorLog(writer, dumps);
    builder.errorLog(
        writer,
        AuroraCluster.everydayErrors(
            new Random(Seeds.derive(seed, "aborted")), START, FAILOVER_STARTED, "shop", "shop"));
    builder.fact("expectedPrecursor", "deadlock-storm");
    builder.fact(
        "deadlockDumps", (long) dumps.stream().filter(l -> l.code().equals("MY-012468")).count());

    // The Deadlocks metric is the same deadlocks, per second.
    cluster.metric(
        builder,
        writer,
        RdsMetric.DEADLOCKS,
        0.15,
        Keyframes.from(START, 0)
            .holdUntil(SALE_START)
            .rampTo(at("10:38:00"), 1.2 / 60)
            .rampTo(at("10:55:00"), 3.5 / 60)
            .rampTo(FAILOVER_STARTED, 7.0 / 60)
            .stepTo(back, 0));
    cluster.metric(
        builder,
        writer,
        RdsMetric.CPU_UTILIZATION,
        0.06,
        Keyframes.from(START, 24)
            .holdUntil(SALE_START)
            .rampTo(at("10:40:00"), 43)
            .rampTo(FAILOVER_STARTED, 55)
            .stepTo(back, 20));
    cluster.metric(
        builder,
        writer,
        RdsMetric.DML_LATENCY,
        0.1,
        Keyframes.from(START, 1.1)
            .holdUntil(SALE_START)
            .rampTo(at("10:45:00"), 9)
            .rampTo(FAILOVER_STARTED, 140)
            .stepTo(back, 1.0));
    cluster.metric(
        builder,
        writer,
        RdsMetric.DATABASE_CONNECTIONS,
        0.03,
        Keyframes.from(START, 120)
            .holdUntil(SALE_START)
            .rampTo(at("10:45:00"), 260)
            .rampTo(FAILOVER_STARTED, 980)
            .stepTo(back, 35));
    cluster.metric(
        builder,
        reader,
        RdsMetric.DATABASE_CONNECTIONS,
        0.03,
        Keyframes.from(START, 40).stepTo(back, 310).rampTo(END, 180));
    cluster.everydayMetrics(builder, writer, 1.6, 21 * GIB);
    cluster.everydayMetrics(builder, reader, 0.6, 24 * GIB);

    ConnectionPool shop = new ConnectionPool("shop", List.of("10.0.2.14", "10.0.2.15"), 2_200, 96);
    builder.slowQueries(
        writer,
        BackgroundQueries.between(START, FAILOVER_STARTED)
            .connections(shop)
            .perMinute(
                Keyframes.from(START, 4).holdUntil(SALE_START).rampTo(at("10:45:00"), 40).build())
            .slowdown(
                Keyframes.from(START, 1.0)
                    .holdUntil(SALE_START)
                    .rampTo(FAILOVER_STARTED, 3.0)
                    .build())
            .template(
                5,
                "shop",
                random2 ->
                    new Statement(
                        upsert(20_000 + random2.nextInt(300), random2),
                        0,
                        2,
                        0.4 + random2.nextDouble() * 0.9))
            .template(
                1,
                "shop",
                random2 ->
                    new Statement(
                        "SELECT o.order_id, o.total FROM orders o WHERE o.customer_id = "
                            + random2.nextInt(2_000_000)
                            + " ORDER BY o.created_at DESC LIMIT 20;",
                        20,
                        90_000 + random2.nextInt(40_000),
                        1.05 + random2.nextDouble()))
            .build());
    builder.slowQueries(
        reader,
        BackgroundQueries.between(START, END)
            .connections(new ConnectionPool("report", List.of("10.0.4.7"), 510, 8))
            .perMinute(2)
            .template(
                1,
                "shop",
                random2 ->
                    new Statement(
                        "SELECT sku, SUM(qty) FROM inventory_reservations WHERE created_at >="
                            + " CURDATE() GROUP BY sku;",
                        300,
                        400_000 + random2.nextInt(50_000),
                        1.2 + random2.nextDouble()))
            .build());
    return builder.build();
  }

  private static String upsert(long sku, Random random) {
    return String.format(
        Locale.ROOT,
        "INSERT INTO inventory_reservations (sku, warehouse_id, order_id, qty) VALUES (%d, %d,"
            + " %d, %d) ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty);",
        sku,
        1 + random.nextInt(4),
        7_400_000 + random.nextInt(500_000),
        1 + random.nextInt(3));
  }

  static Instant at(String time) {
    return Instant.parse(DAY + time + "Z");
  }
}
