package io.precursor.scenarios.catalogue;

import static io.precursor.scenarios.fleet.DbInstance.GIB;

import io.precursor.scenarios.Scenario;
import io.precursor.scenarios.errorlog.ErrorLogLine;
import io.precursor.scenarios.errorlog.ErrorLogLines;
import io.precursor.scenarios.errorlog.ErrorLogLines.Deadlock;
import io.precursor.scenarios.fleet.Fleet;
import io.precursor.scenarios.metrics.RdsMetric;
import io.precursor.scenarios.shape.Keyframes;
import io.precursor.scenarios.shape.Seeds;
import io.precursor.scenarios.slowlog.BackgroundQueries;
import io.precursor.scenarios.slowlog.BatchWorker;
import io.precursor.scenarios.slowlog.ClientSession;
import io.precursor.scenarios.slowlog.ConnectionPool;
import io.precursor.scenarios.slowlog.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Busy but healthy, for false alarms: month-end close on {@code billing-prod} — a DELETE + INSERT
 * rebuild of the month's invoice lines that memory absorbs, finance's large report as large as it
 * always is (eight at once), a burst of writes whose IOPS rise with their commit latency, an
 * occasional deadlock, a reader's lag wobbling in the tens of milliseconds — and a db.t4g.medium
 * test cluster spending CPU credits slowly. Nothing here leads to a failover.
 */
public final class BusyMonthEnd {

  public static final String NAME = "busy-month-end";

  private static final String DAY = "2026-11-30T";
  static final Instant START = at("07:30:00");
  static final Instant END = at("10:00:00");
  static final Instant BATCH_START = at("08:45:00");
  static final Instant BATCH_END = at("09:25:00");
  static final Instant CLOSE = at("09:30:00");

  private BusyMonthEnd() {}

  public static Scenario scenario() {
    return scenario(0L);
  }

  public static Scenario scenario(long seed) {
    AuroraCluster billing = new AuroraCluster(seed, "billing-prod", "db.r6g.4xlarge", 128 * GIB, 1);
    AuroraCluster test = new AuroraCluster(seed, "billing-test", "db.t4g.medium", 4 * GIB, 0);
    String writer = billing.writer();
    String reader = billing.reader(1);
    Fleet fleet =
        new Fleet(
            AuroraCluster.ACCOUNT,
            List.of(billing.fleet().clusters().get(0), test.fleet().clusters().get(0)));
    Scenario.Builder builder =
        Scenario.builder(NAME)
            .description(
                "Month-end close on billing-prod and a T-class test cluster: busy, and healthy;"
                    + " no failover, and no precursor should fire.")
            .seed(seed)
            .window(START, END)
            .fleet(fleet);
    builder.fact("expectedPrecursor", "none");

    monthEndBatch(builder);
    builder.slowQueries(reader, financeReport(START, END));
    builder.slowQueries(writer, everydayWrites());
    builder.errorLog(writer, occasionalDeadlocks(seed));

    // Memory dips a tenth while the batch runs and comes back.
    billing.metric(
        builder,
        writer,
        RdsMetric.FREEABLE_MEMORY,
        0.01,
        Keyframes.from(START, 41 * GIB)
            .holdUntil(BATCH_START)
            .rampTo(at("09:10:00"), 37.2 * GIB)
            .rampTo(BATCH_END, 36.8 * GIB)
            .rampTo(at("09:40:00"), 40.5 * GIB));
    billing.metric(
        builder,
        writer,
        RdsMetric.BIN_LOG_DISK_USAGE,
        0.0,
        Keyframes.from(START, 1.4 * GIB).holdUntil(BATCH_START).rampTo(BATCH_END, 2.9 * GIB));
    // Commit latency rises with the writes, and so does WriteIOPS: busy, not saturated.
    billing.metric(
        builder,
        writer,
        RdsMetric.WRITE_IOPS,
        0.05,
        Keyframes.from(START, 900)
            .holdUntil(BATCH_START)
            .rampTo(at("09:05:00"), 4_600)
            .holdUntil(BATCH_END)
            .rampTo(at("09:35:00"), 950));
    billing.metric(
        builder,
        writer,
        RdsMetric.COMMIT_LATENCY,
        0.08,
        Keyframes.from(START, 2.3)
            .holdUntil(BATCH_START)
            .rampTo(at("09:05:00"), 6.1)
            .holdUntil(BATCH_END)
            .rampTo(at("09:35:00"), 2.4));
    billing.metric(
        builder,
        writer,
        RdsMetric.DISK_QUEUE_DEPTH,
        0.08,
        Keyframes.from(START, 1.1)
            .holdUntil(BATCH_START)
            .rampTo(at("09:05:00"), 3.9)
            .holdUntil(BATCH_END)
            .rampTo(at("09:35:00"), 1.2));
    billing.metric(
        builder,
        writer,
        RdsMetric.DEADLOCKS,
        0.2,
        Keyframes.from(START, 0)
            .holdUntil(at("08:50:00"))
            .rampTo(at("09:00:00"), 0.0017)
            .rampTo(at("09:20:00"), 0));
    billing.metric(
        builder,
        reader,
        RdsMetric.AURORA_REPLICA_LAG,
        0.35,
        Keyframes.from(START, 18)
            .holdUntil(BATCH_START)
            .rampTo(at("09:05:00"), 45)
            .rampTo(at("09:35:00"), 19));
    billing.everydayMetrics(builder, writer, 1.5, 41 * GIB);
    billing.everydayMetrics(builder, reader, 0.7, 44 * GIB);

    // The test cluster spends credits on a load test faster than it earns them, but has hours left.
    String tester = test.writer();
    test.metric(
        builder,
        tester,
        RdsMetric.CPU_CREDIT_BALANCE,
        0.003,
        Keyframes.from(START, 560).rampTo(at("09:00:00"), 430).rampTo(END, 455));
    test.everydayMetrics(builder, tester, 0.5, 1.2 * GIB);
    builder.slowQueries(
        tester,
        BackgroundQueries.between(START, END)
            .connections(new ConnectionPool("loadtest", List.of("10.0.9.9"), 50, 4))
            .perMinute(0.5)
            .template(
                1,
                "billing",
                random ->
                    new Statement(
                        "SELECT COUNT(*) FROM invoices WHERE status = 'open';",
                        1,
                        310_000 + random.nextInt(5_000),
                        1.2 + random.nextDouble()))
            .build());
    return builder.build();
  }

  /** Rebuilds the month's invoice lines in 10,000-row chunks: many statements, none large. */
  private static void monthEndBatch(Scenario.Builder builder) {
    Keyframes steady = Keyframes.constant(1);
    builder.slowQueries(
        "billing-prod-1",
        new BatchWorker(
            new ClientSession("close", "10.0.1.50", 40_100),
            "billing",
            BATCH_START,
            BATCH_END,
            steady,
            (index, random) ->
                index >= 160
                    ? null
                    : new Statement(
                        "DELETE FROM invoice_lines WHERE billing_month = '2026-11' LIMIT 10000;",
                        0,
                        10_000,
                        1.6 + random.nextDouble() * 0.8)));
    builder.slowQueries(
        "billing-prod-1",
        new BatchWorker(
            new ClientSession("close", "10.0.1.51", 40_101),
            "billing",
            BATCH_START.plusSeconds(90),
            BATCH_END,
            steady,
            (index, random) ->
                index >= 160
                    ? null
                    : new Statement(
                        String.format(
                            Locale.ROOT,
                            "INSERT INTO invoice_lines (invoice_id, sku, amount, billing_month)"
                                + " SELECT invoice_id, sku, amount, '2026-11' FROM usage_rollup"
                                + " WHERE customer_id BETWEEN %d AND %d;",
                            index * 500,
                            index * 500 + 499),
                        0,
                        9_000 + random.nextInt(2_000),
                        1.4 + random.nextDouble() * 0.9)));
  }

  /** Finance's month report, always this large; at close eight run at once. */
  private static BackgroundQueries financeReport(Instant from, Instant until) {
    return BackgroundQueries.between(from, until)
        .connections(new ConnectionPool("finance", List.of("10.0.4.20"), 700, 12))
        .perMinute(
            Keyframes.from(from, 0.6)
                .holdUntil(CLOSE)
                .rampTo(CLOSE.plusSeconds(60), 8)
                .rampTo(CLOSE.plusSeconds(600), 0.6)
                .build())
        .template(
            1,
            "billing",
            random ->
                new Statement(
                    "SELECT customer_id, SUM(amount) FROM invoice_lines WHERE billing_month ="
                        + " '2026-11' GROUP BY customer_id;",
                    48_000,
                    31_200_000L + random.nextInt(400_000),
                    95 + random.nextDouble() * 40))
        .build();
  }

  private static BackgroundQueries everydayWrites() {
    return BackgroundQueries.between(START, END)
        .connections(new ConnectionPool("billing", List.of("10.0.2.50", "10.0.2.51"), 3_000, 48))
        .perMinute(2)
        .template(
            1,
            "billing",
            random ->
                new Statement(
                    "UPDATE invoices SET status = 'sent' WHERE invoice_id = "
                        + random.nextInt(5_000_000)
                        + ";",
                    0,
                    1,
                    0.8 + random.nextDouble() * 0.5))
        .build();
  }

  /** Three deadlocks in two and a half hours: InnoDB's everyday, rolled back and retried. */
  private static List<ErrorLogLine> occasionalDeadlocks(long seed) {
    Random random = new Random(Seeds.derive(seed, "deadlocks"));
    List<ErrorLogLine> lines = new ArrayList<>();
    for (Instant at : List.of(at("08:12:41.207"), at("08:58:03.911"), at("09:14:29.630"))) {
      String sql =
          "UPDATE invoices SET status = 'paid' WHERE invoice_id = "
              + random.nextInt(5_000_000)
              + ";";
      lines.addAll(
          ErrorLogLines.deadlockDump(
              at,
              51_000_000L + random.nextInt(1_000_000),
              new Deadlock(3_010, "10.0.2.50", "billing", sql),
              new Deadlock(3_022, "10.0.2.51", "billing", sql),
              "billing.invoices",
              "PRIMARY"));
    }
    lines.addAll(AuroraCluster.everydayErrors(random, START, END, "billing", "billing"));
    return lines;
  }

  static Instant at(String time) {
    return Instant.parse(DAY + time + "Z");
  }
}
