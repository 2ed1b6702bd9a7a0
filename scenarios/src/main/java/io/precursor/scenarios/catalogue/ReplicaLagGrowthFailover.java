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
 * Seed 001, replica lag: a catalogue cluster of db.t4g.large instances serves a search indexer's
 * heavy reads from its reader while the writer carries little; the reader, out of CPU credits,
 * falls steadily behind (AuroraReplicaLag growing minute after minute), the application sends its
 * reads to the writer instead, and the writer, the same T class, stalls and fails over.
 */
public final class ReplicaLagGrowthFailover {

  public static final String NAME = "seed-001-replica-lag-growth";

  private static final String DAY = "2026-11-26T";
  static final Instant START = at("13:00:00");
  static final Instant END = at("15:20:00");
  static final Instant LAG_GROWS = at("13:50:00"); // the indexer starts a full re-index
  static final Instant READS_MOVE = at("14:22:00");
  static final Instant FAILOVER_STARTED = at("14:41:38.021");

  private ReplicaLagGrowthFailover() {}

  public static Scenario scenario() {
    return scenario(0L);
  }

  public static Scenario scenario(long seed) {
    AuroraCluster cluster = new AuroraCluster(seed, "catalog-prod", "db.t4g.large", 8 * GIB, 2);
    String writer = cluster.writer();
    String indexerReader = cluster.reader(1);
    String spare = cluster.reader(2);
    Scenario.Builder builder =
        Scenario.builder(NAME)
            .description(
                "A search indexer's reads leave catalog-prod-2, a db.t4g.large reader, out of CPU"
                    + " credits; its AuroraReplicaLag grows steadily, reads move to the writer"
                    + " catalog-prod-1, which stalls, and Aurora fails over to catalog-prod-3.")
            .seed(seed)
            .window(START, END)
            .fleet(cluster.fleet());
    cluster.failover(builder, spare, true, FAILOVER_STARTED);
    builder.fact("expectedPrecursor", "replica-lag-growth");
    builder.fact("laggingReader", indexerReader);
    Instant back = at("14:43:00");

    // Milliseconds behind the writer: steady, then growing every minute once credits are gone.
    cluster.metric(
        builder,
        indexerReader,
        RdsMetric.AURORA_REPLICA_LAG,
        0.03,
        Keyframes.from(START, 22)
            .holdUntil(LAG_GROWS)
            .rampTo(at("14:05:00"), 1_400)
            .rampTo(READS_MOVE, 9_800)
            .rampTo(FAILOVER_STARTED, 31_000)
            .stepTo(back, 45)
            .rampTo(END, 25));
    // Out of credits before the story starts, the reader's CPU is held at the class's baseline.
    cluster.metric(
        builder, indexerReader, RdsMetric.CPU_CREDIT_BALANCE, 0.0, Keyframes.constant(0));
    cluster.metric(builder, indexerReader, RdsMetric.CPU_UTILIZATION, 0.03, Keyframes.constant(30));
    // The writer earns credits while the indexer reads elsewhere, then spends them on its reads.
    cluster.metric(
        builder,
        writer,
        RdsMetric.CPU_CREDIT_BALANCE,
        0.002,
        Keyframes.from(START, 930)
            .rampTo(READS_MOVE, 990)
            .rampTo(FAILOVER_STARTED, 720)
            .stepTo(back, 720)
            .rampTo(END, 700));
    cluster.metric(
        builder,
        writer,
        RdsMetric.CPU_UTILIZATION,
        0.05,
        Keyframes.from(START, 12)
            .holdUntil(READS_MOVE)
            .rampTo(at("14:26:00"), 99)
            .holdUntil(FAILOVER_STARTED)
            .stepTo(back, 15));
    cluster.metric(
        builder,
        writer,
        RdsMetric.DATABASE_CONNECTIONS,
        0.03,
        Keyframes.from(START, 30)
            .holdUntil(READS_MOVE)
            .rampTo(FAILOVER_STARTED, 410)
            .stepTo(back, 12));
    cluster.everydayMetrics(builder, writer, 0.4, 2.6 * GIB);
    cluster.everydayMetrics(builder, indexerReader, 1.2, 2.2 * GIB);
    cluster.everydayMetrics(builder, spare, 0.3, 2.9 * GIB);

    builder.slowQueries(indexerReader, indexerReads(START, END, 610));
    builder.slowQueries(writer, indexerReads(READS_MOVE, FAILOVER_STARTED, 1_210));
    builder.slowQueries(
        writer,
        BackgroundQueries.between(START, FAILOVER_STARTED)
            .connections(new ConnectionPool("catalog", List.of("10.0.2.41"), 90, 8))
            .perMinute(0.5)
            .template(
                1,
                "catalog",
                random ->
                    new Statement(
                        "UPDATE products SET price = price * 0.9, updated_at = NOW() WHERE"
                            + " category_id = "
                            + random.nextInt(900)
                            + ";",
                        0,
                        2_000 + random.nextInt(3_000),
                        1.1 + random.nextDouble()))
            .build());
    builder.errorLog(
        indexerReader,
        AuroraCluster.everydayErrors(
            new Random(Seeds.derive(seed, "aborted")), START, END, "catalog", "indexer"));
    return builder.build();
  }

  private static BackgroundQueries indexerReads(Instant from, Instant until, long firstThread) {
    return BackgroundQueries.between(from, until)
        .connections(
            new ConnectionPool("indexer", List.of("10.0.7.5", "10.0.7.6"), firstThread, 24))
        .perMinute(8)
        .template(
            1,
            "catalog",
            random -> {
              long first = random.nextInt(40_000) * 500L;
              return new Statement(
                  "SELECT p.product_id, p.title, p.description, p.price FROM products p WHERE"
                      + " p.product_id BETWEEN "
                      + first
                      + " AND "
                      + (first + 4_999)
                      + " ORDER BY p.product_id;",
                  5_000,
                  5_000,
                  1.1 + random.nextDouble() * 1.4);
            })
        .build();
  }

  static Instant at(String time) {
    return Instant.parse(DAY + time + "Z");
  }
}
