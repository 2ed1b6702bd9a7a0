package io.precursor.streams;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the streams stage: its Kafka Streams identity, windows and rule thresholds. */
public final class StreamsStageConfig extends AbstractConfig {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String APPLICATION_ID = "streams.application.id";
  public static final String STATE_DIR = "streams.state.dir";
  public static final String THREADS = "streams.threads";
  public static final String CACHE_MAX_BYTES = "streams.cache.max.bytes";
  public static final String QUERY_PORT = "streams.query.port";
  public static final String QUERY_BIND_ADDRESS = "streams.query.bind.address";
  public static final String QUERY_PRECURSORS_KEPT = "streams.query.precursors.kept";
  public static final String WINDOW_SIZE = "window.size.ms";
  public static final String WINDOW_ADVANCE = "window.advance.ms";
  public static final String GRACE = "window.grace.ms";
  public static final String WINDOW_CACHED_INSTANCES = "window.cached.instances";

  /** Baseline series held decoded per instance of {@link #WINDOW_CACHED_INSTANCES}. */
  static final int HELD_SERIES_PER_INSTANCE = 8;

  public static final String DEDUP_RETENTION = "dedup.retention.ms";
  public static final String EPISODE_GAP = "episode.gap.ms";
  public static final String INCIDENT_HORIZON = "incident.horizon.ms";
  public static final String BULK_DML_MIN_ENTRIES = "rule.bulk-dml.min.entries";
  public static final String BULK_DML_MEMORY_DROP = "rule.bulk-dml.memory.drop.ratio";
  public static final String BULK_DML_MEMORY_CRITICAL = "rule.bulk-dml.memory.critical.ratio";
  public static final String WRITE_IO_RISE = "rule.write-io.rise.factor";
  public static final String WRITE_IO_MIN_COMMIT_LATENCY = "rule.write-io.min.commit.latency.ms";
  public static final String WRITE_IO_PLATEAU = "rule.write-io.iops.plateau.tolerance";
  public static final String CPU_CREDIT_HORIZON = "rule.cpu-credit.horizon.minutes";
  public static final String CPU_CREDIT_FLOOR = "rule.cpu-credit.floor";
  public static final String REPLICA_LAG_MIN = "rule.replica-lag.min.ms";
  public static final String REPLICA_LAG_CRITICAL = "rule.replica-lag.critical.ms";
  public static final String CLEAR_FRACTION = "rule.clear.fraction";
  public static final String FULL_SCAN_RISE = "rule.full-scan.rise.factor";
  public static final String FULL_SCAN_MIN_ROWS = "rule.full-scan.min.rows.examined";
  public static final String FULL_SCAN_MIN_CONCURRENT = "rule.full-scan.min.concurrent";
  public static final String FULL_SCAN_CRITICAL_CONCURRENT = "rule.full-scan.critical.concurrent";
  public static final String FULL_SCAN_IN_LIST_LIMIT = "rule.full-scan.in.list.limit";
  public static final String DEADLOCK_MIN_DUMPS = "rule.deadlock.min.dumps";
  public static final String DEADLOCK_MIN_RATE = "rule.deadlock.min.rate";
  public static final String DEADLOCK_CRITICAL_DUMPS = "rule.deadlock.critical.dumps";
  public static final String OVERSIZED_MIN_ROWS = "rule.oversized-txn.min.rows";
  public static final String OVERSIZED_CRITICAL_ROWS = "rule.oversized-txn.critical.rows";
  public static final String OVERSIZED_MEMORY_DROP = "rule.oversized-txn.memory.drop.ratio";
  public static final String OVERSIZED_BINLOG_ASSUMED = "rule.oversized-txn.binlog.assumed";
  public static final String BASELINE_BUCKET = "baseline.bucket.ms";
  public static final String BASELINE_HORIZON = "baseline.horizon.ms";
  public static final String BASELINE_MIN_BUCKETS = "baseline.min.buckets";
  public static final String BASELINE_SETTLE = "baseline.settle.ms";

  private static final long MINUTE = Duration.ofMinutes(1).toMillis();

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              BOOTSTRAP_SERVERS,
              Type.LIST,
              ConfigDef.NO_DEFAULT_VALUE,
              Importance.HIGH,
              "Kafka brokers to connect to, host:port[,host:port].")
          .define(
              APPLICATION_ID,
              Type.STRING,
              "precursor-streams",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Kafka Streams application id: instances sharing it share the work; replay runs"
                  + " use their own.")
          .define(
              STATE_DIR,
              Type.STRING,
              System.getProperty("java.io.tmpdir") + "/precursor-streams",
              Importance.MEDIUM,
              "Directory of the local state stores.")
          .define(
              THREADS,
              Type.INT,
              1,
              Range.between(1, 64),
              Importance.MEDIUM,
              "Stream threads in this process.")
          .define(
              CACHE_MAX_BYTES,
              Type.LONG,
              64L * 1024 * 1024,
              Range.atLeast(0),
              Importance.LOW,
              "Memory for the record caches in this process, shared by its threads: the"
                  + " encoded baselines of the fleet's recently active series (read far more often"
                  + " than RocksDB could answer cheaply) and the recently seen event ids. Kafka"
                  + " Streams' own default, 10 MiB, holds the baselines of a few thousand series.")
          .define(
              QUERY_PORT,
              Type.INT,
              0,
              Range.between(0, 65535),
              Importance.MEDIUM,
              "Port of the read-only HTTP query endpoint (GET /risk, /incidents, /precursors);"
                  + " 0 serves nothing.")
          .define(
              QUERY_BIND_ADDRESS,
              Type.STRING,
              "127.0.0.1",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Address the query endpoint listens on; loopback unless it is meant to be reached"
                  + " from other hosts (it has no authentication).")
          .define(
              QUERY_PRECURSORS_KEPT,
              Type.INT,
              20,
              Range.between(1, 1000),
              Importance.LOW,
              "Latest precursor records kept per DB instance for GET /precursors.")
          .define(
              WINDOW_SIZE,
              Type.LONG,
              10 * MINUTE,
              Range.atLeast(MINUTE),
              Importance.MEDIUM,
              "Length of the windows slow queries and metrics are joined over per DB instance."
                  + " Seed 000's batch drained memory within minutes.")
          .define(
              WINDOW_ADVANCE,
              Type.LONG,
              MINUTE,
              Range.atLeast(1000),
              Importance.LOW,
              "How far each window starts after the previous one (CloudWatch's 1-minute"
                  + " resolution).")
          .define(
              GRACE,
              Type.LONG,
              5 * MINUTE,
              Range.atLeast(0),
              Importance.MEDIUM,
              "How late (in event time) a slow-log entry or datapoint may arrive and still count;"
                  + " CloudWatch datapoints are often revised minutes later.")
          .define(
              WINDOW_CACHED_INSTANCES,
              Type.INT,
              2_000,
              Range.atLeast(1),
              Importance.LOW,
              "DB instances per stream thread whose window panes, the windows merged from them and"
                  + " each rule's last finding on those windows are also held in memory,"
                  + " the most recently active ones; more instances than this are read from the"
                  + " state store each time, slower but the same. Baseline series are held"
                  + " decoded for "
                  + HELD_SERIES_PER_INSTANCE
                  + " times as many series.")
          .define(
              DEDUP_RETENTION,
              Type.LONG,
              120 * MINUTE,
              Range.atLeast(MINUTE),
              Importance.LOW,
              "How long CloudWatch event ids are remembered to drop redelivered slow-log entries.")
          .define(
              EPISODE_GAP,
              Type.LONG,
              15 * MINUTE,
              Range.atLeast(MINUTE),
              Importance.MEDIUM,
              "A rule quiet for this long ends its episode; firing again after it starts a new"
                  + " precursor id.")
          .define(
              INCIDENT_HORIZON,
              Type.LONG,
              60 * MINUTE,
              Range.atLeast(MINUTE),
              Importance.MEDIUM,
              "Precursors at most this long before a failover are linked to its incident.")
          .define(
              BULK_DML_MIN_ENTRIES,
              Type.INT,
              20,
              Range.atLeast(1),
              Importance.MEDIUM,
              "bulk-dml-memory-pressure: slow DELETE/INSERT/REPLACE entries on one table within"
                  + " a window that count as a bulk rebuild.")
          .define(
              BULK_DML_MEMORY_DROP,
              Type.DOUBLE,
              0.30,
              Range.between(0.01, 1.0),
              Importance.MEDIUM,
              "bulk-dml-memory-pressure: fall of FreeableMemory from the window's highest value,"
                  + " as a fraction of it, that fires a WARNING.")
          .define(
              BULK_DML_MEMORY_CRITICAL,
              Type.DOUBLE,
              0.20,
              Range.between(0.0, 1.0),
              Importance.MEDIUM,
              "bulk-dml-memory-pressure: FreeableMemory at or below this fraction of the window's"
                  + " highest value makes the precursor CRITICAL.")
          .define(
              WRITE_IO_RISE,
              Type.DOUBLE,
              2.0,
              Range.atLeast(1.0),
              Importance.MEDIUM,
              "write-io-saturation: how many times their window low CommitLatency and"
                  + " DiskQueueDepth must reach (twice this is CRITICAL).")
          .define(
              WRITE_IO_MIN_COMMIT_LATENCY,
              Type.DOUBLE,
              10.0,
              Range.atLeast(0.0),
              Importance.MEDIUM,
              "write-io-saturation: CommitLatency (ms) below which commits are healthy.")
          .define(
              WRITE_IO_PLATEAU,
              Type.DOUBLE,
              0.15,
              Range.between(0.0, 1.0),
              Importance.LOW,
              "write-io-saturation: WriteIOPS growth, as a fraction, that still counts as flat.")
          .define(
              CPU_CREDIT_HORIZON,
              Type.DOUBLE,
              60.0,
              Range.atLeast(1.0),
              Importance.MEDIUM,
              "cpu-credit-exhaustion: warn when CPUCreditBalance will be empty within these"
                  + " minutes at its current rate.")
          .define(
              CPU_CREDIT_FLOOR,
              Type.DOUBLE,
              10.0,
              Range.atLeast(0.0),
              Importance.MEDIUM,
              "cpu-credit-exhaustion: a CPUCreditBalance at or below this is CRITICAL.")
          .define(
              REPLICA_LAG_MIN,
              Type.DOUBLE,
              1000.0,
              Range.atLeast(0.0),
              Importance.MEDIUM,
              "replica-lag-growth: AuroraReplicaLag (ms) below which a reader is healthy.")
          .define(
              REPLICA_LAG_CRITICAL,
              Type.DOUBLE,
              10_000.0,
              Range.atLeast(0.0),
              Importance.MEDIUM,
              "replica-lag-growth: AuroraReplicaLag (ms) at or above which it is CRITICAL.")
          .define(
              CLEAR_FRACTION,
              Type.DOUBLE,
              0.5,
              Range.between(0.0, 1.0),
              Importance.LOW,
              "Hysteresis: a rule that fired stays open (no new episode, no new alert) while its"
                  + " measures stay above this fraction of their firing thresholds, so a value"
                  + " hovering at a threshold does not flap.")
          .define(
              FULL_SCAN_RISE,
              Type.DOUBLE,
              10.0,
              Range.atLeast(1.0),
              Importance.MEDIUM,
              "full-scan-storm: rows examined per execution, as a multiple of the fingerprint's own"
                  + " baseline on the instance, that fires (seed 004: rows read rose tenfold).")
          .define(
              FULL_SCAN_MIN_ROWS,
              Type.LONG,
              100_000L,
              Range.atLeast(0),
              Importance.LOW,
              "full-scan-storm: rows examined per execution below which a rise is too small to"
                  + " matter.")
          .define(
              FULL_SCAN_MIN_CONCURRENT,
              Type.INT,
              5,
              Range.atLeast(1),
              Importance.MEDIUM,
              "full-scan-storm: executions of the fingerprint running at the same time that make a"
                  + " storm (seed 004: single scans had happened for a week without harm).")
          .define(
              FULL_SCAN_CRITICAL_CONCURRENT,
              Type.INT,
              20,
              Range.atLeast(1),
              Importance.MEDIUM,
              "full-scan-storm: so many at once, with CPU rising, is CRITICAL (seed 004: over 40).")
          .define(
              FULL_SCAN_IN_LIST_LIMIT,
              Type.INT,
              200,
              Range.atLeast(1),
              Importance.LOW,
              "full-scan-storm: the instance's eq_range_index_dive_limit (200 since MySQL 5.7.4, 10"
                  + " before): IN lists this long are estimated from index statistics, named in the"
                  + " evidence.")
          .define(
              DEADLOCK_MIN_DUMPS,
              Type.INT,
              5,
              Range.atLeast(1),
              Importance.MEDIUM,
              "deadlock-storm: deadlock dumps in the error log within a window that make a storm;"
                  + " an occasional deadlock is normal InnoDB behaviour (seed 001).")
          .define(
              DEADLOCK_MIN_RATE,
              Type.DOUBLE,
              0.005,
              Range.atLeast(0.0),
              Importance.MEDIUM,
              "deadlock-storm: the Deadlocks metric (average per second) the storm must reach"
                  + " too, and at least three times the instance's baseline when it has one.")
          .define(
              DEADLOCK_CRITICAL_DUMPS,
              Type.INT,
              20,
              Range.atLeast(1),
              Importance.MEDIUM,
              "deadlock-storm: deadlock dumps within a window that make it CRITICAL.")
          .define(
              OVERSIZED_MIN_ROWS,
              Type.LONG,
              1_000_000L,
              Range.atLeast(1),
              Importance.MEDIUM,
              "oversized-transaction: rows one statement must write (Rows_affected, else rows"
                  + " examined); AWS: keep inserts per transaction below 1 million with binlog on.")
          .define(
              OVERSIZED_CRITICAL_ROWS,
              Type.LONG,
              5_000_000L,
              Range.atLeast(1),
              Importance.MEDIUM,
              "oversized-transaction: rows written by one statement that make it CRITICAL.")
          .define(
              OVERSIZED_MEMORY_DROP,
              Type.DOUBLE,
              0.10,
              Range.between(0.0, 1.0),
              Importance.MEDIUM,
              "oversized-transaction: fall of FreeableMemory from the window's highest value, as a"
                  + " fraction of it, that must come with the large write.")
          .define(
              OVERSIZED_BINLOG_ASSUMED,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "oversized-transaction: treat binary logging as on for every instance; otherwise a"
                  + " BinLogDiskUsage datapoint above zero in the window must show it.")
          .define(
              BASELINE_BUCKET,
              Type.LONG,
              10 * MINUTE,
              Range.atLeast(MINUTE),
              Importance.LOW,
              "Baselines keep each series as the mean of buckets this long; their level is the"
                  + " median of the bucket means.")
          .define(
              BASELINE_HORIZON,
              Type.LONG,
              360 * MINUTE,
              Range.atLeast(10 * MINUTE),
              Importance.MEDIUM,
              "How far back an instance's baseline (its normal per metric and per fingerprint's"
                  + " rows examined) looks.")
          .define(
              BASELINE_MIN_BUCKETS,
              Type.INT,
              3,
              Range.atLeast(1),
              Importance.LOW,
              "Buckets of history a baseline needs before rules compare with it.")
          .define(
              BASELINE_SETTLE,
              Type.LONG,
              15 * MINUTE,
              Range.atLeast(0),
              Importance.LOW,
              "After a failover completes or an instance restarts, data this long stay out of the"
                  + " baseline (an incident is not normal, so a repeat incident still alerts).");

  public StreamsStageConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
  }

  public Duration windowSize() {
    return Duration.ofMillis(getLong(WINDOW_SIZE));
  }

  public Duration windowAdvance() {
    return Duration.ofMillis(getLong(WINDOW_ADVANCE));
  }

  public Duration grace() {
    return Duration.ofMillis(getLong(GRACE));
  }

  public Duration dedupRetention() {
    return Duration.ofMillis(getLong(DEDUP_RETENTION));
  }

  public Duration episodeGap() {
    return Duration.ofMillis(getLong(EPISODE_GAP));
  }

  /** How the per-instance baselines are kept. */
  public io.precursor.streams.baseline.BaselineSettings baselineSettings() {
    return new io.precursor.streams.baseline.BaselineSettings(
        getLong(BASELINE_BUCKET),
        getLong(BASELINE_HORIZON),
        getInt(BASELINE_MIN_BUCKETS),
        getLong(BASELINE_SETTLE),
        getLong(GRACE));
  }

  public Duration incidentHorizon() {
    return Duration.ofMillis(getLong(INCIDENT_HORIZON));
  }
}
