package io.precursor.scenarios.catalogue;

import io.precursor.scenarios.Scenario;
import io.precursor.scenarios.errorlog.ErrorLogLine;
import io.precursor.scenarios.errorlog.ErrorLogLines;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One Aurora MySQL cluster a catalogue story happens on: its instances, their metric series with
 * the minute each was restarting left out, and the failover that ends the story, written the way
 * RDS reports it.
 */
final class AuroraCluster {

  static final String ENGINE_VERSION = "8.0.mysql_aurora.3.08.0";
  static final String MYSQL_VERSION = "8.0.39";
  static final AwsAccount ACCOUNT = AwsAccount.EXAMPLE;

  private final long seed;
  private final DbCluster cluster;
  private final Map<String, Instant> restartMinutes = new HashMap<>();
  private final Set<String> written = new HashSet<>();

  AuroraCluster(long seed, String clusterId, String instanceClass, long memoryBytes, int readers) {
    this.seed = seed;
    List<DbInstance> instances = new ArrayList<>();
    List<String> zones = List.of("us-east-1a", "us-east-1b", "us-east-1c");
    for (int i = 0; i <= readers; i++) {
      instances.add(
          new DbInstance(
              clusterId + "-" + (i + 1),
              clusterId,
              i == 0 ? InstanceRole.WRITER : InstanceRole.READER,
              zones.get(i % zones.size()),
              instanceClass,
              memoryBytes));
    }
    this.cluster = new DbCluster(clusterId, ENGINE_VERSION, instances);
  }

  Fleet fleet() {
    return new Fleet(ACCOUNT, List.of(cluster));
  }

  String id() {
    return cluster.id();
  }

  /** The instance that is the writer when the story starts. */
  String writer() {
    return cluster.writer().id();
  }

  /** The {@code n}-th reader (from 1). */
  String reader(int n) {
    return cluster.readers().get(n - 1).id();
  }

  /**
   * Aurora promotes {@code newWriter} and restarts the old writer as a reader, with RDS's events
   * and both instances' start-up lines in their error logs; call it before adding metrics, so each
   * instance's series leaves out the minute it was restarting.
   */
  void failover(Scenario.Builder builder, String newWriter, boolean crossAz, Instant started) {
    String oldWriter = writer();
    Instant newWriterRestarted = started.plusMillis(12_831);
    Instant oldWriterDemoted = started.plusMillis(18_258);
    Instant oldWriterRestarted = started.plusMillis(31_644);
    Instant completed = started.plusMillis(36_366);
    builder.event(RdsEvent.failoverStarted(ACCOUNT, id(), newWriter, crossAz, started));
    builder.event(RdsEvent.instanceRestarted(ACCOUNT, newWriter, newWriterRestarted));
    builder.event(RdsEvent.restartingAsReader(ACCOUNT, oldWriter, oldWriterDemoted));
    builder.event(RdsEvent.instanceRestarted(ACCOUNT, oldWriter, oldWriterRestarted));
    builder.event(RdsEvent.failoverCompleted(ACCOUNT, id(), newWriter, completed));
    builder.errorLog(
        newWriter, ErrorLogLines.serverStart(started.plusMillis(5_626), MYSQL_VERSION, 2_954));
    builder.errorLog(
        oldWriter, ErrorLogLines.serverStart(started.plusMillis(23_936), MYSQL_VERSION, 3_187));
    restartMinutes.put(newWriter, newWriterRestarted.truncatedTo(ChronoUnit.MINUTES));
    restartMinutes.put(oldWriter, oldWriterRestarted.truncatedTo(ChronoUnit.MINUTES));
    builder.fact("cluster", id());
    builder.fact("failedOverFrom", oldWriter);
    builder.fact("failedOverTo", newWriter);
    builder.fact("failoverStartedAt", started);
    builder.fact("failoverCompletedAt", completed);
  }

  /** One metric of one instance: {@code level} with relative noise {@code jitter}. */
  void metric(
      Scenario.Builder builder,
      String instance,
      RdsMetric metric,
      double jitter,
      Keyframes.Builder level) {
    metric(builder, instance, metric, jitter, level.build());
  }

  void metric(
      Scenario.Builder builder, String instance, RdsMetric metric, double jitter, Keyframes level) {
    if (!written.add(instance + "/" + metric.metricName())) {
      throw new IllegalStateException(instance + " already has " + metric.metricName());
    }
    Trajectory shape =
        Trajectory.around(level, jitter, Seeds.derive(seed, instance + "/" + metric.metricName()));
    Instant restart = restartMinutes.get(instance);
    if (restart != null) {
      shape = shape.withGap(restart, restart.plusSeconds(60));
    }
    builder.metric(MetricSeries.rds(metric, List.of(Dimension.instance(instance)), shape));
  }

  /**
   * The metrics a story leaves alone, at an everyday level for the instance's role: {@code load}
   * scales the busy-ness (1 for a writer's usual day); memory and cache hit ratio do not scale.
   */
  void everydayMetrics(Scenario.Builder builder, String instance, double load, double freeMemory) {
    Map<RdsMetric, Double> levels = new EnumMap<>(RdsMetric.class);
    levels.put(RdsMetric.FREEABLE_MEMORY, freeMemory);
    levels.put(RdsMetric.SWAP_USAGE, 0.0);
    levels.put(RdsMetric.CPU_UTILIZATION, 22.0 * load);
    levels.put(RdsMetric.DISK_QUEUE_DEPTH, 0.8 * load);
    levels.put(RdsMetric.READ_IOPS, 380.0 * load);
    levels.put(RdsMetric.WRITE_IOPS, 520.0 * load);
    levels.put(RdsMetric.READ_LATENCY, 0.0006);
    levels.put(RdsMetric.WRITE_LATENCY, 0.0009);
    levels.put(RdsMetric.COMMIT_LATENCY, 2.2);
    levels.put(RdsMetric.DML_LATENCY, 1.0);
    levels.put(RdsMetric.DATABASE_CONNECTIONS, Math.rint(64.0 * load));
    levels.put(RdsMetric.DEADLOCKS, 0.0);
    levels.put(RdsMetric.BUFFER_CACHE_HIT_RATIO, 99.5);
    if (!instance.equals(writer())) {
      levels.put(RdsMetric.AURORA_REPLICA_LAG, 20.0);
    }
    for (Map.Entry<RdsMetric, Double> level : levels.entrySet()) {
      if (!written.contains(instance + "/" + level.getKey().metricName())) {
        double jitter = level.getKey() == RdsMetric.AURORA_REPLICA_LAG ? 0.3 : 0.05;
        metric(builder, instance, level.getKey(), jitter, Keyframes.constant(level.getValue()));
      }
    }
  }

  /** A few error-log notes of clients that went away, as every busy instance has. */
  static List<ErrorLogLine> everydayErrors(
      Random random, Instant from, Instant until, String database, String user) {
    return ErrorLogLines.abortedConnections(
        random, from, until, 3, 1_100, database, user, List.of("10.0.2.14", "10.0.2.15"));
  }
}
