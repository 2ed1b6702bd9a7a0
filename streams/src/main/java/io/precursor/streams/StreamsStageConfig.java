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
  public static final String QUERY_PORT = "streams.query.port";
  public static final String QUERY_BIND_ADDRESS = "streams.query.bind.address";
  public static final String QUERY_PRECURSORS_KEPT = "streams.query.precursors.kept";
  public static final String WINDOW_SIZE = "window.size.ms";
  public static final String WINDOW_ADVANCE = "window.advance.ms";
  public static final String GRACE = "window.grace.ms";
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
              "replica-lag-growth: AuroraReplicaLag (ms) at or above which it is CRITICAL.");

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

  public Duration incidentHorizon() {
    return Duration.ofMillis(getLong(INCIDENT_HORIZON));
  }
}
