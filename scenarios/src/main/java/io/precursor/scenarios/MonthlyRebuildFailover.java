package io.precursor.scenarios;

import static io.precursor.scenarios.fleet.DbInstance.GIB;

import io.precursor.scenarios.errorlog.ErrorLogLine;
import io.precursor.scenarios.errorlog.ErrorLogLines;
import io.precursor.scenarios.events.RdsEvent;
import io.precursor.scenarios.fleet.AwsAccount;
import io.precursor.scenarios.fleet.DbCluster;
import io.precursor.scenarios.fleet.DbInstance;
import io.precursor.scenarios.fleet.Fleet;
import io.precursor.scenarios.fleet.InstanceRole;
import io.precursor.scenarios.metrics.Datapoint;
import io.precursor.scenarios.metrics.Dimension;
import io.precursor.scenarios.metrics.MetricSeries;
import io.precursor.scenarios.metrics.RdsMetric;
import io.precursor.scenarios.metrics.SeriesShape;
import io.precursor.scenarios.metrics.Trajectory;
import io.precursor.scenarios.shape.Keyframes;
import io.precursor.scenarios.shape.Seeds;
import io.precursor.scenarios.slowlog.BackgroundQueries;
import io.precursor.scenarios.slowlog.BatchStep;
import io.precursor.scenarios.slowlog.BatchWorker;
import io.precursor.scenarios.slowlog.ClientSession;
import io.precursor.scenarios.slowlog.ConnectionPool;
import io.precursor.scenarios.slowlog.SlowQuery;
import io.precursor.scenarios.slowlog.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seed 000: a monthly batch rebuilds the month's ad logs with DELETE then INSERT on the writer of
 * {@code ads-prod} during business hours; FreeableMemory collapses while disk queues and write
 * latency climb, and Aurora fails over across AZs to the reader.
 */
public final class MonthlyRebuildFailover {

  public static final String NAME = "seed-000";

  static final String DAY = "2026-11-17T";
  static final Instant START = at("08:30:00");
  static final Instant END = at("10:30:00");
  static final Instant BATCH_START = at("09:08:12.250");
  static final Instant INSERTS_START = at("09:26:40.500");
  static final Instant FAILOVER_STARTED = at("09:47:31.274");
  static final Instant NEW_WRITER_RESTARTED = at("09:47:44.105");
  static final Instant OLD_WRITER_DEMOTED = at("09:47:49.532");
  static final Instant OLD_WRITER_RESTARTED = at("09:48:02.918");
  static final Instant FAILOVER_COMPLETED = at("09:48:07.640");

  static final String CLUSTER = "ads-prod";
  static final String OLD_WRITER = "ads-prod-1";
  static final String NEW_WRITER = "ads-prod-2";
  static final String TABLE = "ad_logs";
  static final long MEMORY = 64 * GIB;
  static final String MYSQL_VERSION = "8.0.39";

  private static final AwsAccount ACCOUNT = AwsAccount.EXAMPLE;

  private MonthlyRebuildFailover() {}

  /** The incident with its default seed, as bundled. */
  public static Scenario scenario() {
    return scenario(0L);
  }

  public static Scenario scenario(long seed) {
    Fleet fleet =
        new Fleet(
            ACCOUNT,
            List.of(
                new DbCluster(
                    CLUSTER,
                    "8.0.mysql_aurora.3.08.0",
                    List.of(
                        new DbInstance(
                            OLD_WRITER,
                            CLUSTER,
                            InstanceRole.WRITER,
                            "us-east-1a",
                            "db.r6g.2xlarge",
                            MEMORY),
                        new DbInstance(
                            NEW_WRITER,
                            CLUSTER,
                            InstanceRole.READER,
                            "us-east-1b",
                            "db.r6g.2xlarge",
                            MEMORY)))));
    Scenario.Builder builder =
        Scenario.builder(NAME)
            .description(
                "Monthly ad-log rebuild (DELETE then INSERT on ad_logs) exhausts the writer's memory"
                    + " on ads-prod; Aurora fails over across AZs from ads-prod-1 to ads-prod-2.")
            .seed(seed)
            .window(START, END)
            .fleet(fleet);
    addSlowQueries(builder);
    addErrorLogs(builder, seed);
    addMetrics(builder, seed);
    addEvents(builder);
    Scenario draft = builder.build();
    addFacts(builder, draft);
    return builder.build();
  }

  // ---------------------------------------------------------------- slow query log

  /** How much slower than usual the writer runs statements as the batch eats its memory. */
  private static Keyframes writerSlowdown() {
    return Keyframes.from(START, 1.0)
        .holdUntil(BATCH_START)
        .rampTo(at("09:27:00"), 1.9)
        .rampTo(at("09:45:00"), 3.4)
        .rampTo(FAILOVER_STARTED, 4.2)
        .build();
  }

  private static void addSlowQueries(Scenario.Builder builder) {
    Keyframes slowdown = writerSlowdown();
    ConnectionPool app =
        new ConnectionPool("app", List.of("10.0.2.14", "10.0.2.15", "10.0.3.21"), 1_204, 48);
    ConnectionPool report = new ConnectionPool("report", List.of("10.0.4.7", "10.0.4.8"), 311, 16);

    // Before the failover: application traffic on the writer, reports on the reader.
    builder.slowQueries(
        OLD_WRITER,
        applicationTraffic(START, FAILOVER_STARTED, app)
            .perMinute(
                Keyframes.from(START, 9)
                    .holdUntil(BATCH_START)
                    .rampTo(FAILOVER_STARTED, 14)
                    .build())
            .slowdown(slowdown)
            .build());
    builder.slowQueries(
        NEW_WRITER,
        reportTraffic(START, FAILOVER_STARTED, report)
            .slowdown(
                Keyframes.from(START, 1.0)
                    .holdUntil(BATCH_START)
                    .rampTo(FAILOVER_STARTED, 1.3)
                    .build())
            .build());

    // The batch: two connections delete the month so far in LIMIT chunks, then one reloads it
    // with INSERT ... SELECT per day while another sends multi-row INSERTs. The failover kills
    // them.
    builder.slowQueries(
        OLD_WRITER,
        new BatchWorker(
            new ClientSession("batch", "10.0.1.23", 58_231),
            "ads",
            BATCH_START,
            FAILOVER_STARTED,
            slowdown,
            deleteInChunks(1, 8, 3_412_507)));
    builder.slowQueries(
        OLD_WRITER,
        new BatchWorker(
            new ClientSession("batch", "10.0.1.23", 58_232),
            "ads",
            BATCH_START.plusMillis(180),
            FAILOVER_STARTED,
            slowdown,
            deleteInChunks(9, 16, 3_486_118)));
    builder.slowQueries(
        OLD_WRITER,
        new BatchWorker(
            new ClientSession("batch", "10.0.1.23", 58_233),
            "ads",
            INSERTS_START,
            FAILOVER_STARTED,
            slowdown,
            insertSelectPerDay()));
    builder.slowQueries(
        OLD_WRITER,
        new BatchWorker(
            new ClientSession("batch", "10.0.1.24", 58_234),
            "ads",
            INSERTS_START.plusMillis(2_350),
            FAILOVER_STARTED,
            slowdown,
            multiRowInserts()));

    // After the failover the application reconnects to the new writer, reports to the old one,
    // both slower for a while on cold caches.
    builder.slowQueries(
        NEW_WRITER,
        applicationTraffic(at("09:48:10"), END, new ConnectionPool("app", app.ips(), 41, 48))
            .perMinute(6)
            .slowdown(Keyframes.from(at("09:48:10"), 1.6).rampTo(at("09:58:00"), 1.0).build())
            .build());
    builder.slowQueries(
        OLD_WRITER,
        reportTraffic(at("09:48:20"), END, new ConnectionPool("report", report.ips(), 27, 16))
            .slowdown(Keyframes.from(at("09:48:20"), 1.4).rampTo(at("10:05:00"), 1.0).build())
            .build());
  }

  private static BackgroundQueries.Builder applicationTraffic(
      Instant from, Instant until, ConnectionPool connections) {
    return BackgroundQueries.between(from, until)
        .connections(connections)
        .template(
            4,
            "ads",
            random -> {
              int fromDay = 1 + random.nextInt(14);
              return new Statement(
                  String.format(
                      Locale.ROOT,
                      "SELECT l.ad_id, SUM(l.click_count) AS clicks, SUM(l.impression_count) AS"
                          + " impressions FROM ad_logs l WHERE l.log_date BETWEEN '2026-11-%02d' AND"
                          + " '2026-11-16' GROUP BY l.ad_id ORDER BY clicks DESC LIMIT 100;",
                      fromDay),
                  100,
                  (16 - fromDay + 1) * 431_000L + random.nextInt(20_000),
                  0.8 + random.nextDouble() * 1.6);
            })
        .template(
            3,
            "ads",
            random ->
                new Statement(
                    "SELECT c.campaign_id, c.name, c.daily_budget, c.status FROM campaigns c WHERE"
                        + " c.advertiser_id = "
                        + (1_000 + random.nextInt(4_000))
                        + " AND c.status = 'active';",
                    1 + random.nextInt(30),
                    48_000 + random.nextInt(4_000),
                    0.6 + random.nextDouble() * 0.8))
        .template(
            2,
            "ads",
            random ->
                new Statement(
                    "SELECT a.ad_id, a.creative_url, a.bid_cpm FROM ads a JOIN campaigns c ON"
                        + " c.campaign_id = a.campaign_id WHERE c.advertiser_id = "
                        + (1_000 + random.nextInt(4_000))
                        + " ORDER BY a.updated_at DESC LIMIT 50;",
                    50,
                    60_000 + random.nextInt(80_000),
                    0.5 + random.nextDouble() * 1.1))
        .template(
            1,
            "ads",
            random ->
                new Statement(
                    String.format(
                        Locale.ROOT,
                        "SELECT COUNT(*) FROM ad_impressions WHERE ad_id = 'ad-%06d' AND shown_at >="
                            + " '2026-11-17 00:00:00';",
                        random.nextInt(200_000)),
                    1,
                    200_000 + random.nextInt(700_000),
                    0.7 + random.nextDouble() * 1.5))
        .template(
            1,
            "billing",
            random ->
                new Statement(
                    "SELECT advertiser_id, SUM(spend) AS spend FROM billing_daily WHERE billing_date >="
                        + " '2026-11-01' GROUP BY advertiser_id;",
                    3_900 + random.nextInt(300),
                    88_000 + random.nextInt(6_000),
                    0.9 + random.nextDouble() * 0.9));
  }

  private static BackgroundQueries.Builder reportTraffic(
      Instant from, Instant until, ConnectionPool connections) {
    return BackgroundQueries.between(from, until)
        .connections(connections)
        .perMinute(4)
        .template(
            3,
            "ads",
            random ->
                new Statement(
                    "SELECT log_date, SUM(click_count), SUM(impression_count) FROM ad_logs WHERE"
                        + " log_date >= '2026-10-01' AND log_date < '2026-11-01' GROUP BY log_date;",
                    31,
                    13_200_000L + random.nextInt(400_000),
                    1.5 + random.nextDouble() * 2.5))
        .template(
            2,
            "analytics",
            random ->
                new Statement(
                    "SELECT advertiser_id, ctr FROM daily_summary WHERE summary_date = '2026-11-16'"
                        + " ORDER BY ctr DESC LIMIT 20;",
                    20,
                    40_000 + random.nextInt(3_000),
                    0.6 + random.nextDouble() * 0.9))
        .template(
            1,
            "ads",
            random ->
                new Statement(
                    "SELECT ad_id, COUNT(*) FROM ad_clicks WHERE clicked_at >= NOW() - INTERVAL 1 HOUR"
                        + " GROUP BY ad_id;",
                    2_000 + random.nextInt(1_500),
                    180_000 + random.nextInt(60_000),
                    0.8 + random.nextDouble() * 0.8));
  }

  /** One connection deleting days {@code firstDay..lastDay} of November 10,000 rows at a time. */
  private static BatchStep deleteInChunks(int firstDay, int lastDay, long rows) {
    String sql =
        String.format(
            Locale.ROOT,
            "DELETE FROM ad_logs WHERE log_date BETWEEN '2026-11-%02d' AND '2026-11-%02d' LIMIT 10000;",
            firstDay,
            lastDay);
    return (index, random) -> {
      long left = rows - index * 10_000L;
      if (left <= 0) {
        return null;
      }
      long chunk = Math.min(10_000, left);
      return new Statement(sql, 0, chunk, 1.9 + random.nextDouble() * 0.7);
    };
  }

  /** Rebuilds each day of November so far from the raw events. */
  private static BatchStep insertSelectPerDay() {
    return (index, random) -> {
      int day = index + 1;
      if (day > 16) {
        return null;
      }
      String sql =
          String.format(
              Locale.ROOT,
              "INSERT INTO ad_logs (ad_id, click_count, impression_count, log_date) SELECT ad_id,"
                  + " SUM(is_click), COUNT(*), DATE(event_time) FROM ad_events WHERE event_time >="
                  + " '2026-11-%02d 00:00:00' AND event_time < '2026-11-%02d 00:00:00' GROUP BY ad_id,"
                  + " DATE(event_time);",
              day,
              day + 1);
      return new Statement(
          sql, 0, 1_650_000L + random.nextInt(400_000), 26 + random.nextDouble() * 8);
    };
  }

  /** Reloads corrected rows 20 at a time. */
  private static BatchStep multiRowInserts() {
    return (index, random) -> {
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO ad_logs (ad_id, click_count, impression_count, log_date) VALUES ");
      for (int row = 0; row < 20; row++) {
        if (row > 0) {
          sql.append(',');
        }
        int impressions = 800 + random.nextInt(40_000);
        sql.append(
            String.format(
                Locale.ROOT,
                "('ad-%06d',%d,%d,'2026-11-%02d')",
                random.nextInt(200_000),
                impressions / (40 + random.nextInt(80)),
                impressions,
                1 + random.nextInt(16)));
      }
      sql.append(';');
      return new Statement(sql.toString(), 0, 0, 0.55 + random.nextDouble() * 0.3);
    };
  }

  // ---------------------------------------------------------------- error log

  private static void addErrorLogs(Scenario.Builder builder, long seed) {
    Random random = new Random(Seeds.derive(seed, "errorlog"));
    List<String> appIps = List.of("10.0.2.14", "10.0.2.15", "10.0.3.21");
    List<ErrorLogLine> oldWriter = new ArrayList<>();
    oldWriter.addAll(
        ErrorLogLines.abortedConnections(
            random, START, at("09:40:00"), 4, 1_204, "ads", "app", appIps));
    // Clients give up on the stalled writer in its last minutes.
    oldWriter.addAll(
        ErrorLogLines.abortedConnections(
            random, at("09:44:30"), FAILOVER_STARTED, 14, 1_204, "ads", "app", appIps));
    oldWriter.addAll(ErrorLogLines.serverStart(at("09:47:55.210"), MYSQL_VERSION, 3_187));
    builder.errorLog(OLD_WRITER, oldWriter);

    List<ErrorLogLine> newWriter = new ArrayList<>();
    newWriter.addAll(
        ErrorLogLines.abortedConnections(
            random, START, at("09:40:00"), 1, 311, "ads", "report", List.of("10.0.4.7")));
    newWriter.addAll(ErrorLogLines.serverStart(at("09:47:36.900"), MYSQL_VERSION, 2_954));
    builder.errorLog(NEW_WRITER, newWriter);
  }

  // ---------------------------------------------------------------- metrics

  private static void addMetrics(Scenario.Builder builder, long seed) {
    Instant batch = at("09:08:00");
    Instant burst = at("09:10:00");
    Instant inserts = at("09:27:00");
    Instant lastMinute = at("09:47:00");
    Instant oldWriterBack = at("09:49:00");
    Instant newWriterUp = at("09:48:00");
    Metrics old = new Metrics(seed, OLD_WRITER);
    Metrics fresh = new Metrics(seed, NEW_WRITER);

    // ads-prod-1: the writer under the batch until the failover, then a restarted reader.
    Trajectory oldMemory =
        old.gapped(
            RdsMetric.FREEABLE_MEMORY,
            0.012,
            Keyframes.from(START, 12.4 * GIB)
                .holdUntil(batch)
                .rampTo(inserts, 6.9 * GIB)
                .rampTo(at("09:44:00"), 1.1 * GIB)
                .rampTo(lastMinute, 0.23 * GIB)
                .stepTo(oldWriterBack, 19.6 * GIB)
                .rampTo(END, 16.8 * GIB));
    Trajectory oldCpu =
        old.gapped(
            RdsMetric.CPU_UTILIZATION,
            0.08,
            Keyframes.from(START, 17.5)
                .holdUntil(batch)
                .rampTo(burst, 46)
                .rampTo(inserts, 58)
                .rampTo(at("09:30:00"), 71)
                .rampTo(lastMinute, 88)
                .stepTo(oldWriterBack, 9)
                .rampTo(at("10:00:00"), 11));
    old.add(builder, RdsMetric.FREEABLE_MEMORY, oldMemory);
    old.add(builder, RdsMetric.CPU_UTILIZATION, oldCpu);
    old.add(
        builder,
        RdsMetric.DISK_QUEUE_DEPTH,
        old.gapped(
            RdsMetric.DISK_QUEUE_DEPTH,
            0.15,
            Keyframes.from(START, 0.9)
                .holdUntil(batch)
                .rampTo(burst, 6)
                .rampTo(inserts, 14)
                .rampTo(at("09:44:00"), 38)
                .rampTo(lastMinute, 52)
                .stepTo(oldWriterBack, 0.4)));
    old.add(
        builder,
        RdsMetric.READ_IOPS,
        old.gapped(
            RdsMetric.READ_IOPS,
            0.1,
            Keyframes.from(START, 420)
                .holdUntil(batch)
                .rampTo(burst, 2_400)
                .rampTo(inserts, 3_100)
                .rampTo(lastMinute, 5_900)
                .stepTo(oldWriterBack, 1_650)
                .rampTo(at("10:05:00"), 380)));
    // Writes plateau while latency keeps climbing: the storage is saturated.
    old.add(
        builder,
        RdsMetric.WRITE_IOPS,
        old.gapped(
            RdsMetric.WRITE_IOPS,
            0.06,
            Keyframes.from(START, 610)
                .holdUntil(batch)
                .rampTo(burst, 5_200)
                .rampTo(inserts, 5_600)
                .rampTo(at("09:32:00"), 7_400)
                .holdUntil(lastMinute)
                .stepTo(oldWriterBack, 45)
                .rampTo(END, 60)));
    old.add(
        builder,
        RdsMetric.READ_LATENCY,
        old.gapped(
            RdsMetric.READ_LATENCY,
            0.12,
            Keyframes.from(START, 0.00062)
                .holdUntil(batch)
                .rampTo(burst, 0.0021)
                .rampTo(inserts, 0.0043)
                .rampTo(lastMinute, 0.0118)
                .stepTo(oldWriterBack, 0.0009)
                .rampTo(at("10:05:00"), 0.00058)));
    old.add(
        builder,
        RdsMetric.WRITE_LATENCY,
        old.gapped(
            RdsMetric.WRITE_LATENCY,
            0.12,
            Keyframes.from(START, 0.00094)
                .holdUntil(batch)
                .rampTo(burst, 0.0031)
                .rampTo(inserts, 0.0062)
                .rampTo(lastMinute, 0.0265)
                .stepTo(oldWriterBack, 0.0011)));
    old.add(
        builder,
        RdsMetric.COMMIT_LATENCY,
        old.gapped(
            RdsMetric.COMMIT_LATENCY,
            0.1,
            Keyframes.from(START, 2.4)
                .holdUntil(batch)
                .rampTo(burst, 7.5)
                .rampTo(inserts, 16)
                .rampTo(lastMinute, 64)
                .stepTo(oldWriterBack, 1.8)));
    old.add(
        builder,
        RdsMetric.DML_LATENCY,
        old.gapped(
            RdsMetric.DML_LATENCY,
            0.12,
            Keyframes.from(START, 1.1)
                .holdUntil(batch)
                .rampTo(burst, 18)
                .rampTo(inserts, 42)
                .rampTo(lastMinute, 175)
                .stepTo(oldWriterBack, 0.9)));
    old.add(
        builder,
        RdsMetric.DATABASE_CONNECTIONS,
        old.gapped(
            RdsMetric.DATABASE_CONNECTIONS,
            0.04,
            Keyframes.from(START, 86)
                .holdUntil(batch)
                .rampTo(at("09:09:00"), 92)
                .rampTo(at("09:44:00"), 104)
                .rampTo(lastMinute, 238)
                .stepTo(oldWriterBack, 18)
                .rampTo(at("09:52:00"), 34)));
    old.add(
        builder,
        RdsMetric.DEADLOCKS,
        old.gapped(
            RdsMetric.DEADLOCKS,
            0.9,
            Keyframes.from(START, 0)
                .holdUntil(inserts)
                .rampTo(at("09:30:00"), 0.03)
                .holdUntil(lastMinute)
                .stepTo(oldWriterBack, 0)));
    old.add(
        builder,
        RdsMetric.BUFFER_CACHE_HIT_RATIO,
        old.gapped(
            RdsMetric.BUFFER_CACHE_HIT_RATIO,
            0.002,
            Keyframes.from(START, 99.62)
                .holdUntil(batch)
                .rampTo(burst, 97.8)
                .rampTo(inserts, 96.1)
                .rampTo(lastMinute, 87.4)
                .stepTo(oldWriterBack, 91.2)
                .rampTo(at("10:10:00"), 99.3)));
    old.add(
        builder,
        RdsMetric.SWAP_USAGE,
        old.gapped(
            RdsMetric.SWAP_USAGE,
            0.05,
            Keyframes.from(START, 0)
                .holdUntil(at("09:38:00"))
                .rampTo(lastMinute, 412 * 1024 * 1024)
                .stepTo(oldWriterBack, 0)));
    // Replica lag exists only while the instance is a reader.
    Trajectory oldLag =
        Trajectory.around(Keyframes.constant(24), 0.3, old.seed(RdsMetric.AURORA_REPLICA_LAG))
            .withGap(START, oldWriterBack);
    old.add(builder, RdsMetric.AURORA_REPLICA_LAG, oldLag);

    // ads-prod-2: a quiet reader that replays the batch's changes, then the promoted writer.
    Trajectory freshMemory =
        fresh.gapped(
            RdsMetric.FREEABLE_MEMORY,
            0.01,
            Keyframes.from(START, 13.1 * GIB)
                .holdUntil(batch)
                .rampTo(inserts, 12.6 * GIB)
                .rampTo(lastMinute, 11.9 * GIB)
                .stepTo(newWriterUp, 14.8 * GIB)
                .rampTo(END, 12.9 * GIB));
    Trajectory freshCpu =
        fresh.gapped(
            RdsMetric.CPU_UTILIZATION,
            0.08,
            Keyframes.from(START, 8.5)
                .holdUntil(batch)
                .rampTo(burst, 13)
                .rampTo(lastMinute, 16)
                .stepTo(newWriterUp, 31)
                .rampTo(at("10:00:00"), 19)
                .rampTo(END, 18));
    fresh.add(builder, RdsMetric.FREEABLE_MEMORY, freshMemory);
    fresh.add(builder, RdsMetric.CPU_UTILIZATION, freshCpu);
    fresh.add(
        builder,
        RdsMetric.DISK_QUEUE_DEPTH,
        fresh.gapped(
            RdsMetric.DISK_QUEUE_DEPTH,
            0.2,
            Keyframes.from(START, 0.4)
                .holdUntil(batch)
                .rampTo(burst, 0.9)
                .holdUntil(lastMinute)
                .stepTo(newWriterUp, 2.2)
                .rampTo(at("10:00:00"), 0.9)));
    fresh.add(
        builder,
        RdsMetric.READ_IOPS,
        fresh.gapped(
            RdsMetric.READ_IOPS,
            0.1,
            Keyframes.from(START, 310)
                .holdUntil(batch)
                .rampTo(burst, 520)
                .rampTo(lastMinute, 610)
                .stepTo(newWriterUp, 2_600)
                .rampTo(at("10:05:00"), 480)));
    fresh.add(
        builder,
        RdsMetric.WRITE_IOPS,
        fresh.gapped(
            RdsMetric.WRITE_IOPS,
            0.06,
            Keyframes.from(START, 40)
                .holdUntil(lastMinute)
                .stepTo(newWriterUp, 820)
                .rampTo(at("10:00:00"), 620)));
    fresh.add(
        builder,
        RdsMetric.READ_LATENCY,
        fresh.gapped(
            RdsMetric.READ_LATENCY,
            0.12,
            Keyframes.from(START, 0.00055)
                .holdUntil(batch)
                .rampTo(burst, 0.0008)
                .holdUntil(lastMinute)
                .stepTo(newWriterUp, 0.0019)
                .rampTo(at("10:05:00"), 0.0006)));
    fresh.add(
        builder,
        RdsMetric.WRITE_LATENCY,
        fresh.gapped(
            RdsMetric.WRITE_LATENCY,
            0.12,
            Keyframes.from(START, 0.0007)
                .holdUntil(lastMinute)
                .stepTo(newWriterUp, 0.0014)
                .rampTo(at("10:00:00"), 0.00095)));
    fresh.add(
        builder,
        RdsMetric.COMMIT_LATENCY,
        fresh.gapped(
            RdsMetric.COMMIT_LATENCY,
            0.1,
            Keyframes.from(START, 1.6)
                .holdUntil(lastMinute)
                .stepTo(newWriterUp, 3.9)
                .rampTo(at("10:00:00"), 2.5)));
    fresh.add(
        builder,
        RdsMetric.DML_LATENCY,
        fresh.gapped(
            RdsMetric.DML_LATENCY,
            0.12,
            Keyframes.from(START, 0.8)
                .holdUntil(lastMinute)
                .stepTo(newWriterUp, 2.6)
                .rampTo(at("10:00:00"), 1.2)));
    fresh.add(
        builder,
        RdsMetric.DATABASE_CONNECTIONS,
        fresh.gapped(
            RdsMetric.DATABASE_CONNECTIONS,
            0.04,
            Keyframes.from(START, 22)
                .holdUntil(lastMinute)
                .stepTo(newWriterUp, 71)
                .rampTo(at("09:52:00"), 88)));
    fresh.add(
        builder, RdsMetric.DEADLOCKS, fresh.gapped(RdsMetric.DEADLOCKS, 0, Keyframes.constant(0)));
    fresh.add(
        builder,
        RdsMetric.BUFFER_CACHE_HIT_RATIO,
        fresh.gapped(
            RdsMetric.BUFFER_CACHE_HIT_RATIO,
            0.002,
            Keyframes.from(START, 99.4)
                .holdUntil(batch)
                .rampTo(burst, 98.9)
                .holdUntil(lastMinute)
                .stepTo(newWriterUp, 93.5)
                .rampTo(at("10:05:00"), 99.5)));
    fresh.add(
        builder,
        RdsMetric.SWAP_USAGE,
        fresh.gapped(RdsMetric.SWAP_USAGE, 0, Keyframes.constant(0)));
    Trajectory freshLag =
        Trajectory.around(
                Keyframes.from(START, 18)
                    .holdUntil(batch)
                    .rampTo(burst, 65)
                    .rampTo(inserts, 110)
                    .rampTo(lastMinute, 340)
                    .build(),
                0.25,
                fresh.seed(RdsMetric.AURORA_REPLICA_LAG))
            .withGap(lastMinute, END);
    fresh.add(builder, RdsMetric.AURORA_REPLICA_LAG, freshLag);

    // Cluster-wide series: the WRITER role follows the writer across the failover.
    List<Dimension> writerRole =
        List.of(Dimension.cluster(CLUSTER), Dimension.role(InstanceRole.WRITER));
    builder.metric(
        MetricSeries.rds(
            RdsMetric.FREEABLE_MEMORY,
            writerRole,
            SeriesShape.splice(newWriterUp, oldMemory, freshMemory)));
    builder.metric(
        MetricSeries.rds(
            RdsMetric.CPU_UTILIZATION,
            writerRole,
            SeriesShape.splice(newWriterUp, oldCpu, freshCpu)));
    builder.metric(
        MetricSeries.rds(
            RdsMetric.AURORA_REPLICA_LAG_MAXIMUM,
            List.of(Dimension.cluster(CLUSTER)),
            SeriesShape.splice(newWriterUp, freshLag, oldLag)));
  }

  /** One instance's metric series, each with its own noise and the gap of its restart. */
  private static final class Metrics {
    private final long seed;
    private final String instance;

    Metrics(long seed, String instance) {
      this.seed = seed;
      this.instance = instance;
    }

    long seed(RdsMetric metric) {
      return Seeds.derive(seed, instance + "/" + metric.metricName());
    }

    /** The instance published nothing for the minute it was restarting. */
    Trajectory gapped(RdsMetric metric, double jitter, Keyframes.Builder level) {
      return gapped(metric, jitter, level.build());
    }

    Trajectory gapped(RdsMetric metric, double jitter, Keyframes level) {
      Instant restartMinute = instance.equals(OLD_WRITER) ? at("09:48:00") : at("09:47:00");
      return Trajectory.around(level, jitter, seed(metric))
          .withGap(restartMinute, restartMinute.plusSeconds(60));
    }

    void add(Scenario.Builder builder, RdsMetric metric, SeriesShape shape) {
      builder.metric(MetricSeries.rds(metric, List.of(Dimension.instance(instance)), shape));
    }
  }

  // ---------------------------------------------------------------- events and facts

  private static void addEvents(Scenario.Builder builder) {
    builder.event(RdsEvent.failoverStarted(ACCOUNT, CLUSTER, NEW_WRITER, true, FAILOVER_STARTED));
    builder.event(RdsEvent.instanceRestarted(ACCOUNT, NEW_WRITER, NEW_WRITER_RESTARTED));
    builder.event(RdsEvent.restartingAsReader(ACCOUNT, OLD_WRITER, OLD_WRITER_DEMOTED));
    builder.event(RdsEvent.instanceRestarted(ACCOUNT, OLD_WRITER, OLD_WRITER_RESTARTED));
    builder.event(RdsEvent.failoverCompleted(ACCOUNT, CLUSTER, NEW_WRITER, FAILOVER_COMPLETED));
  }

  private static void addFacts(Scenario.Builder builder, Scenario draft) {
    builder.fact("expectedPrecursor", "bulk-dml-memory-pressure");
    builder.fact("cluster", CLUSTER);
    builder.fact("failedOverFrom", OLD_WRITER);
    builder.fact("failedOverTo", NEW_WRITER);
    builder.fact("failoverStartedAt", FAILOVER_STARTED);
    builder.fact("failoverCompletedAt", FAILOVER_COMPLETED);
    builder.fact("bulkDmlTable", TABLE);
    builder.fact("batchStartedAt", BATCH_START);

    // Facts about the generated data are computed from it, so they cannot disagree with it.
    long deletes = 0;
    long inserts = 0;
    Instant firstDelete = null;
    Instant lastDelete = null;
    Instant firstInsert = null;
    Instant lastInsert = null;
    for (Iterator<SlowQuery> entries = draft.slowLog(OLD_WRITER).entries(); entries.hasNext(); ) {
      SlowQuery entry = entries.next();
      if (entry.sql().startsWith("DELETE FROM " + TABLE)) {
        deletes++;
        firstDelete = firstDelete == null ? entry.loggedAt() : firstDelete;
        lastDelete = entry.loggedAt();
      } else if (entry.sql().startsWith("INSERT INTO " + TABLE)) {
        inserts++;
        firstInsert = firstInsert == null ? entry.loggedAt() : firstInsert;
        lastInsert = entry.loggedAt();
      }
    }
    builder.fact("slowDeletesOnTable", deletes);
    builder.fact("firstSlowDeleteAt", firstDelete);
    builder.fact("lastSlowDeleteAt", lastDelete);
    builder.fact("slowInsertsOnTable", inserts);
    builder.fact("firstSlowInsertAt", firstInsert);
    builder.fact("lastSlowInsertAt", lastInsert);

    MetricSeries writerMemory =
        draft.metrics().stream()
            .filter(series -> series.metricName().equals("FreeableMemory"))
            .filter(series -> series.dimensions().equals(List.of(Dimension.instance(OLD_WRITER))))
            .findFirst()
            .orElseThrow();
    List<Datapoint> memory = writerMemory.datapoints(START, FAILOVER_STARTED);
    builder.fact("writerFreeableMemoryBaselineBytes", Math.round(memory.get(0).value()));
    Datapoint lowest =
        memory.stream().min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
    builder.fact("writerFreeableMemoryMinimumBytes", Math.round(lowest.value()));
    builder.fact("writerFreeableMemoryMinimumAt", lowest.timestamp());
    builder.fact("writerMemoryBytes", MEMORY);
  }

  static Instant at(String time) {
    return Instant.parse(DAY + time + "Z");
  }
}
