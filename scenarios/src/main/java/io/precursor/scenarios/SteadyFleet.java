package io.precursor.scenarios;

import static io.precursor.scenarios.fleet.DbInstance.GIB;

import io.precursor.scenarios.events.RdsEvent;
import io.precursor.scenarios.fleet.AwsAccount;
import io.precursor.scenarios.fleet.DbCluster;
import io.precursor.scenarios.fleet.DbInstance;
import io.precursor.scenarios.fleet.Fleet;
import io.precursor.scenarios.fleet.InstanceRole;
import io.precursor.scenarios.metrics.Dimension;
import io.precursor.scenarios.metrics.MetricSeries;
import io.precursor.scenarios.metrics.RdsMetric;
import io.precursor.scenarios.metrics.Trajectory;
import io.precursor.scenarios.shape.Keyframes;
import io.precursor.scenarios.shape.Seeds;
import io.precursor.scenarios.slowlog.BackgroundQueries;
import io.precursor.scenarios.slowlog.ConnectionPool;
import io.precursor.scenarios.slowlog.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fleet where nothing goes wrong: writer/reader clusters with everyday slow queries and about
 * twenty metrics per instance, sized by knobs for demos and benchmarks.
 */
public final class SteadyFleet {

  public static final String NAME = "steady-fleet";

  private static final long MEMORY = 32 * GIB;

  /** Everyday levels of a db.r6g.xlarge; readers run at about half the load. */
  private static final Map<RdsMetric, Double> WRITER_LEVELS = new EnumMap<>(RdsMetric.class);

  static {
    WRITER_LEVELS.put(RdsMetric.FREEABLE_MEMORY, 6.2 * GIB);
    WRITER_LEVELS.put(RdsMetric.SWAP_USAGE, 0.0);
    WRITER_LEVELS.put(RdsMetric.CPU_UTILIZATION, 22.0);
    WRITER_LEVELS.put(RdsMetric.DISK_QUEUE_DEPTH, 0.8);
    WRITER_LEVELS.put(RdsMetric.READ_IOPS, 380.0);
    WRITER_LEVELS.put(RdsMetric.WRITE_IOPS, 520.0);
    WRITER_LEVELS.put(RdsMetric.READ_LATENCY, 0.0006);
    WRITER_LEVELS.put(RdsMetric.WRITE_LATENCY, 0.0009);
    WRITER_LEVELS.put(RdsMetric.READ_THROUGHPUT, 6_200_000.0);
    WRITER_LEVELS.put(RdsMetric.WRITE_THROUGHPUT, 8_400_000.0);
    WRITER_LEVELS.put(RdsMetric.NETWORK_THROUGHPUT, 12_500_000.0);
    WRITER_LEVELS.put(RdsMetric.COMMIT_LATENCY, 2.2);
    WRITER_LEVELS.put(RdsMetric.COMMIT_THROUGHPUT, 140.0);
    WRITER_LEVELS.put(RdsMetric.DML_LATENCY, 1.0);
    WRITER_LEVELS.put(RdsMetric.DML_THROUGHPUT, 310.0);
    WRITER_LEVELS.put(RdsMetric.SELECT_LATENCY, 0.9);
    WRITER_LEVELS.put(RdsMetric.SELECT_THROUGHPUT, 1_450.0);
    WRITER_LEVELS.put(RdsMetric.DATABASE_CONNECTIONS, 64.0);
    WRITER_LEVELS.put(RdsMetric.DEADLOCKS, 0.0);
    WRITER_LEVELS.put(RdsMetric.BUFFER_CACHE_HIT_RATIO, 99.5);
  }

  private SteadyFleet() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The fleet's size and traffic. */
  public static final class Builder {
    private int instances = 4;
    private Instant start = Instant.parse("2026-11-17T00:00:00Z");
    private Duration duration = Duration.ofHours(1);
    private double slowQueriesPerSecond = 0.05;
    private int failovers;
    private long seed;

    private Builder() {}

    /** How many instances; they pair up into writer/reader clusters, an odd one runs alone. */
    public Builder instances(int instances) {
      if (instances < 1) {
        throw new IllegalArgumentException("a fleet has at least one instance, got " + instances);
      }
      this.instances = instances;
      return this;
    }

    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    public Builder duration(Duration duration) {
      if (duration.toMinutes() < 1) {
        throw new IllegalArgumentException("a scenario lasts at least a minute, got " + duration);
      }
      this.duration = duration;
      return this;
    }

    /** Slow log entries per second on each instance (the benchmark uses 5). */
    public Builder slowQueriesPerSecond(double slowQueriesPerSecond) {
      if (!(slowQueriesPerSecond >= 0)) {
        throw new IllegalArgumentException("slow query rate must be >= 0: " + slowQueriesPerSecond);
      }
      this.slowQueriesPerSecond = slowQueriesPerSecond;
      return this;
    }

    /**
     * How many clusters fail over (no precursor before it: a patch or a host failure), spread
     * evenly over the window, each completing 30 s after it started; for incidents in benchmarks.
     */
    public Builder failovers(int failovers) {
      if (failovers < 0) {
        throw new IllegalArgumentException("failovers must be >= 0: " + failovers);
      }
      this.failovers = failovers;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Scenario build() {
      Instant end = start.plus(duration);
      Fleet fleet = new Fleet(AwsAccount.EXAMPLE, clusters());
      Scenario.Builder scenario =
          Scenario.builder(NAME)
              .description(
                  String.format(
                      Locale.ROOT,
                      "A steady fleet of %d Aurora MySQL instances for %d minutes, %.2f slow queries"
                          + " per second per instance; %d failover(s) without a precursor.",
                      instances,
                      duration.toMinutes(),
                      slowQueriesPerSecond,
                      failovers))
              .seed(seed)
              .window(start, end)
              .fleet(fleet);
      for (DbInstance instance : fleet.instances()) {
        boolean writer = instance.role() == InstanceRole.WRITER;
        double load = writer ? 1.0 : 0.5;
        for (Map.Entry<RdsMetric, Double> level : WRITER_LEVELS.entrySet()) {
          RdsMetric metric = level.getKey();
          double value =
              metric == RdsMetric.FREEABLE_MEMORY || metric == RdsMetric.BUFFER_CACHE_HIT_RATIO
                  ? level.getValue()
                  : level.getValue() * load;
          scenario.metric(series(instance, metric, Keyframes.constant(value), 0.05));
        }
        if (!writer) {
          scenario.metric(
              series(instance, RdsMetric.AURORA_REPLICA_LAG, Keyframes.constant(20), 0.3));
        }
        if (slowQueriesPerSecond > 0) {
          scenario.slowQueries(
              instance.id(), everydayQueries(start, end, slowQueriesPerSecond * 60));
        }
      }
      List<DbCluster> pairs =
          fleet.clusters().stream().filter(c -> c.instances().size() > 1).toList();
      int failing = Math.min(failovers, pairs.size());
      for (int n = 0; n < failing; n++) {
        DbCluster cluster = pairs.get(n * pairs.size() / failing);
        Instant at = start.plus(duration.multipliedBy(n + 1).dividedBy(failing + 1));
        String reader = cluster.instances().get(1).id();
        scenario.event(
            RdsEvent.failoverStarted(AwsAccount.EXAMPLE, cluster.id(), reader, true, at));
        scenario.event(
            RdsEvent.failoverCompleted(
                AwsAccount.EXAMPLE, cluster.id(), reader, at.plusSeconds(30)));
      }
      scenario.fact("failovers", (long) failing);
      scenario.fact("instances", (long) instances);
      scenario.fact("durationMinutes", duration.toMinutes());
      scenario.fact("slowQueriesPerSecondPerInstance", slowQueriesPerSecond);
      return scenario.build();
    }

    private MetricSeries series(
        DbInstance instance, RdsMetric metric, Keyframes level, double jitter) {
      return MetricSeries.rds(
          metric,
          List.of(Dimension.instance(instance.id())),
          Trajectory.around(
              level, jitter, Seeds.derive(seed, instance.id() + "/" + metric.metricName())));
    }

    private List<DbCluster> clusters() {
      List<DbCluster> clusters = new ArrayList<>();
      for (int first = 0; first < instances; first += 2) {
        String cluster = String.format(Locale.ROOT, "fleet-%04d", first / 2 + 1);
        List<DbInstance> members = new ArrayList<>();
        members.add(
            new DbInstance(
                cluster + "-1",
                cluster,
                InstanceRole.WRITER,
                "us-east-1a",
                "db.r6g.xlarge",
                MEMORY));
        if (first + 1 < instances) {
          members.add(
              new DbInstance(
                  cluster + "-2",
                  cluster,
                  InstanceRole.READER,
                  "us-east-1b",
                  "db.r6g.xlarge",
                  MEMORY));
        }
        clusters.add(new DbCluster(cluster, "8.0.mysql_aurora.3.08.0", members));
      }
      return clusters;
    }
  }

  /** Statements that all run over a second, so the slow log rate is the arrival rate. */
  private static BackgroundQueries everydayQueries(Instant from, Instant until, double perMinute) {
    return BackgroundQueries.between(from, until)
        .perMinute(perMinute)
        .connections(new ConnectionPool("app", List.of("10.0.2.14", "10.0.2.15"), 1_000, 32))
        .template(
            3,
            "shop",
            random ->
                new Statement(
                    "SELECT o.order_id, o.total FROM orders o WHERE o.customer_id = "
                        + random.nextInt(1_000_000)
                        + " ORDER BY o.created_at DESC LIMIT 20;",
                    20,
                    150_000 + random.nextInt(50_000),
                    1.05 + random.nextDouble()))
        .template(
            1,
            "shop",
            random ->
                new Statement(
                    "SELECT sku, SUM(quantity) FROM order_items WHERE created_at >= CURDATE() GROUP BY"
                        + " sku;",
                    800 + random.nextInt(400),
                    600_000 + random.nextInt(100_000),
                    1.2 + random.nextDouble() * 1.5))
        .build();
  }
}
