package io.precursor.ingest.kinesis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import software.amazon.awssdk.regions.Region;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;

/**
 * Configuration of the live subscription ingest: which Kinesis stream the KCL worker reads, under
 * which application name (its lease table), where AWS is, and how fast leases move.
 */
public final class KinesisIngestConfig extends AbstractConfig {

  public static final String STREAM = "ingest.kinesis.stream";
  public static final String APPLICATION_NAME = "ingest.kinesis.application.name";
  public static final String REGION = "ingest.kinesis.region";
  public static final String KINESIS_ENDPOINT = "ingest.kinesis.endpoint";
  public static final String DYNAMODB_ENDPOINT = "ingest.kinesis.dynamodb.endpoint";
  public static final String INITIAL_POSITION = "ingest.kinesis.initial.position";
  public static final String FAILOVER_TIME_MS = "ingest.kinesis.failover.time.ms";
  public static final String SHARD_SYNC_INTERVAL_MS = "ingest.kinesis.shard.sync.interval.ms";
  public static final String LEADER_LEASE_MS = "ingest.kinesis.leader.lease.ms";
  public static final String MAX_RECORDS = "ingest.kinesis.max.records";
  public static final String IDLE_BETWEEN_READS_MS = "ingest.kinesis.idle.between.reads.ms";
  public static final String SHUTDOWN_TIMEOUT_MS = "ingest.kinesis.shutdown.timeout.ms";

  // Kinesis stream names and DynamoDB table names (the KCL lease table is named after the
  // application) share this alphabet; only the lengths differ.
  private static final Pattern AWS_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              STREAM,
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              new AwsName("a Kinesis stream name", 1, 128),
              Importance.HIGH,
              "Kinesis stream the CloudWatch Logs subscription filters write into.")
          .define(
              APPLICATION_NAME,
              Type.STRING,
              "precursor-ingest",
              new AwsName("a KCL application name (it names the DynamoDB lease table)", 3, 255),
              Importance.HIGH,
              "KCL application name: workers with the same name share the stream's shards"
                  + " through leases in the DynamoDB table of that name.")
          .define(
              REGION,
              Type.STRING,
              null,
              new RegionName(),
              Importance.HIGH,
              "AWS region of the stream and the lease table, e.g. eu-west-1; unset, the SDK's"
                  + " default region chain decides (AWS_REGION, profile, instance metadata).")
          .define(
              KINESIS_ENDPOINT,
              Type.STRING,
              null,
              new Endpoint(),
              Importance.LOW,
              "Kinesis endpoint override, e.g. http://localhost:4566 for LocalStack; unset, the"
                  + " region's endpoint.")
          .define(
              DYNAMODB_ENDPOINT,
              Type.STRING,
              null,
              new Endpoint(),
              Importance.LOW,
              "DynamoDB endpoint override for the lease table; unset, the region's endpoint.")
          .define(
              INITIAL_POSITION,
              Type.STRING,
              InitialPositionInStream.TRIM_HORIZON.name(),
              ConfigDef.CaseInsensitiveValidString.in(
                  InitialPositionInStream.TRIM_HORIZON.name(),
                  InitialPositionInStream.LATEST.name()),
              Importance.MEDIUM,
              "Where a shard without a checkpoint is read from: TRIM_HORIZON (the oldest record"
                  + " kept, nothing lost) or LATEST (only what arrives from now on).")
          .define(
              FAILOVER_TIME_MS,
              Type.LONG,
              10_000L,
              Range.between(1_000L, 600_000L),
              Importance.LOW,
              "How long a lease lives without renewal before another worker takes its shard over"
                  + " (KCL failoverTimeMillis).")
          .define(
              SHARD_SYNC_INTERVAL_MS,
              Type.LONG,
              60_000L,
              Range.between(100L, 3_600_000L),
              Importance.LOW,
              "How often the leader compares the stream's shards with the leases"
                  + " (KCL shardSyncIntervalMillis).")
          .define(
              LEADER_LEASE_MS,
              Type.LONG,
              120_000L,
              Range.between(2_000L, 3_600_000L),
              Importance.LOW,
              "How long the worker that assigns leases stays leader without renewing; when it"
                  + " dies, no shard changes hands before this has passed"
                  + " (KCL dynamoDbLockBasedLeaderLeaseDurationInMillis, renewed every quarter).")
          .define(
              MAX_RECORDS,
              Type.INT,
              10_000,
              Range.between(1, 10_000),
              Importance.LOW,
              "Most records one GetRecords call returns, i.e. the largest batch checkpointed at"
                  + " once.")
          .define(
              IDLE_BETWEEN_READS_MS,
              Type.LONG,
              1_500L,
              Range.between(200L, 60_000L),
              Importance.LOW,
              "Pause between GetRecords calls on one shard; Kinesis allows 5 calls per second"
                  + " per shard, shared by every consumer.")
          .define(
              SHUTDOWN_TIMEOUT_MS,
              Type.LONG,
              30_000L,
              Range.between(1_000L, 600_000L),
              Importance.LOW,
              "How long a graceful shutdown may take to checkpoint every shard before the worker"
                  + " stops without it.");

  public KinesisIngestConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
  }

  public String streamName() {
    return getString(STREAM);
  }

  public String applicationName() {
    return getString(APPLICATION_NAME);
  }

  /** The configured region, or empty to let the SDK's default region chain decide. */
  public Optional<Region> region() {
    return Optional.ofNullable(getString(REGION)).map(Region::of);
  }

  public Optional<URI> kinesisEndpoint() {
    return Optional.ofNullable(getString(KINESIS_ENDPOINT)).map(URI::create);
  }

  public Optional<URI> dynamoDbEndpoint() {
    return Optional.ofNullable(getString(DYNAMODB_ENDPOINT)).map(URI::create);
  }

  public InitialPositionInStreamExtended initialPosition() {
    return InitialPositionInStreamExtended.newInitialPosition(
        InitialPositionInStream.valueOf(getString(INITIAL_POSITION).toUpperCase(Locale.ROOT)));
  }

  public long failoverTimeMillis() {
    return getLong(FAILOVER_TIME_MS);
  }

  public long shardSyncIntervalMillis() {
    return getLong(SHARD_SYNC_INTERVAL_MS);
  }

  public long leaderLeaseMillis() {
    return getLong(LEADER_LEASE_MS);
  }

  public int maxRecords() {
    return getInt(MAX_RECORDS);
  }

  public long idleBetweenReadsMillis() {
    return getLong(IDLE_BETWEEN_READS_MS);
  }

  public Duration shutdownTimeout() {
    return Duration.ofMillis(getLong(SHUTDOWN_TIMEOUT_MS));
  }

  /** A Kinesis stream or DynamoDB table name: letters, digits, {@code _ . -}, within a length. */
  private record AwsName(String what, int min, int max) implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String text = (String) value;
      if (text == null
          || text.length() < min
          || text.length() > max
          || !AWS_NAME.matcher(text).matches()) {
        throw new ConfigException(
            name,
            value,
            "must be " + what + ": " + min + " to " + max + " characters among a-z A-Z 0-9 _ . -");
      }
    }

    @Override
    public String toString() {
      return min + ".." + max + " of [a-zA-Z0-9_.-]";
    }
  }

  /** Unset, or an AWS region code such as {@code us-east-1}. */
  private static final class RegionName implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value != null && !AWS_REGION.matcher((String) value).matches()) {
        throw new ConfigException(
            name, value, "must be an AWS region code such as us-east-1 or eu-west-3");
      }
    }

    @Override
    public String toString() {
      return "an AWS region code, e.g. us-east-1";
    }
  }

  /** Unset, or an absolute http(s) URI with a host and no path, query or credentials. */
  private static final class Endpoint implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null) {
        return;
      }
      String problem = problem((String) value);
      if (problem != null) {
        // The value is not echoed: a URI with user info could carry a secret.
        throw new ConfigException(name + " " + problem);
      }
    }

    private static String problem(String text) {
      URI uri;
      try {
        uri = new URI(text);
      } catch (URISyntaxException e) {
        return "is not a URI: " + e.getReason();
      }
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
        return "must start with http:// or https://";
      }
      if (uri.getHost() == null) {
        return "must name a host, e.g. http://localhost:4566";
      }
      if (uri.getRawUserInfo() != null) {
        return "must not carry credentials; they come from the default AWS credentials chain";
      }
      if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        return "must be scheme://host[:port] only, without a path or query";
      }
      return null;
    }

    @Override
    public String toString() {
      return "http(s)://host[:port]";
    }
  }
}
