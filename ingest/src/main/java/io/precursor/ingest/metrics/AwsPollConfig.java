package io.precursor.ingest.metrics;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the metric and event pollers (and a replay reading AWS) share: the AWS region and endpoints
 * they call, how they back off when AWS throttles, and which share of the fleet this replica polls.
 */
public final class AwsPollConfig extends AbstractConfig {

  public static final String REGION = "ingest.aws.region";
  public static final String CLOUDWATCH_ENDPOINT = "ingest.aws.cloudwatch.endpoint";
  public static final String RDS_ENDPOINT = "ingest.aws.rds.endpoint";
  public static final String LOGS_ENDPOINT = "ingest.aws.logs.endpoint";
  public static final String RETRY_ATTEMPTS = "ingest.aws.retry.attempts";
  public static final String RETRY_BACKOFF_MS = "ingest.aws.retry.backoff.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "ingest.aws.retry.backoff.max.ms";
  public static final String REPLICA_INDEX = "ingest.poll.replica.index";
  public static final String REPLICA_COUNT = "ingest.poll.replica.count";

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              REGION,
              Type.STRING,
              "",
              Importance.HIGH,
              "AWS region of the fleet, e.g. eu-west-1. Empty uses the SDK's default region chain"
                  + " (AWS_REGION, the profile, instance metadata).")
          .define(
              CLOUDWATCH_ENDPOINT,
              Type.STRING,
              "",
              new EndpointValidator(),
              Importance.LOW,
              "CloudWatch endpoint URL instead of the region's, e.g. a VPC endpoint or a local"
                  + " stand-in. Empty uses the region's.")
          .define(
              RDS_ENDPOINT,
              Type.STRING,
              "",
              new EndpointValidator(),
              Importance.LOW,
              "RDS endpoint URL instead of the region's. Empty uses the region's.")
          .define(
              LOGS_ENDPOINT,
              Type.STRING,
              "",
              new EndpointValidator(),
              Importance.LOW,
              "CloudWatch Logs endpoint URL instead of the region's, for `replay --source aws`."
                  + " Empty uses the region's.")
          .define(
              RETRY_ATTEMPTS,
              Type.INT,
              6,
              Range.between(1, 20),
              Importance.LOW,
              "Attempts of one AWS call when it is throttled, fails with a 5xx or cannot connect;"
                  + " then the poll fails and the next one starts on schedule.")
          .define(
              RETRY_BACKOFF_MS,
              Type.LONG,
              500L,
              Range.atLeast(1),
              Importance.LOW,
              "Backoff before the second attempt; it doubles on each further attempt, and each"
                  + " wait is drawn at random below it (full jitter) so replicas do not retry in"
                  + " step.")
          .define(
              RETRY_BACKOFF_MAX_MS,
              Type.LONG,
              30_000L,
              Range.atLeast(1),
              Importance.LOW,
              "Longest backoff between two attempts of one AWS call.")
          .define(
              REPLICA_INDEX,
              Type.INT,
              0,
              Range.atLeast(0),
              Importance.MEDIUM,
              "This replica's index among the ingest replicas that poll the fleet, 0 to "
                  + REPLICA_COUNT
                  + " - 1. Each instance and cluster is polled by exactly one replica.")
          .define(
              REPLICA_COUNT,
              Type.INT,
              1,
              Range.atLeast(1),
              Importance.MEDIUM,
              "How many ingest replicas share the fleet's metric and event polls; every replica"
                  + " must be given the same count.");

  public AwsPollConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
    if (getInt(REPLICA_INDEX) >= getInt(REPLICA_COUNT)) {
      throw new ConfigException(
          REPLICA_INDEX,
          getInt(REPLICA_INDEX),
          "must be below " + REPLICA_COUNT + " (" + getInt(REPLICA_COUNT) + ")");
    }
    if (getLong(RETRY_BACKOFF_MAX_MS) < getLong(RETRY_BACKOFF_MS)) {
      throw new ConfigException(
          RETRY_BACKOFF_MAX_MS,
          getLong(RETRY_BACKOFF_MAX_MS),
          "must be at least " + RETRY_BACKOFF_MS + " (" + getLong(RETRY_BACKOFF_MS) + ")");
    }
  }

  /** The configured region, or empty to let the SDK find it. */
  public Optional<String> region() {
    return Optional.of(getString(REGION).trim()).filter(r -> !r.isEmpty());
  }

  public Optional<URI> cloudWatchEndpoint() {
    return endpoint(CLOUDWATCH_ENDPOINT);
  }

  public Optional<URI> rdsEndpoint() {
    return endpoint(RDS_ENDPOINT);
  }

  public Optional<URI> logsEndpoint() {
    return endpoint(LOGS_ENDPOINT);
  }

  /** Which identifiers this replica polls. */
  public FleetShare fleetShare() {
    return new FleetShare(getInt(REPLICA_INDEX), getInt(REPLICA_COUNT));
  }

  /** Retries of AWS calls as configured, backing off on the real clock. */
  public AwsRetry retry() {
    return new AwsRetry(
        getInt(RETRY_ATTEMPTS),
        Duration.ofMillis(getLong(RETRY_BACKOFF_MS)),
        Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS)),
        AwsRetry.Sleeper.REAL,
        AwsRetry.JITTER);
  }

  private Optional<URI> endpoint(String key) {
    String value = getString(key).trim();
    return value.isEmpty() ? Optional.empty() : Optional.of(URI.create(value));
  }

  /** Empty, or an absolute http(s) URL the SDK can send requests to. */
  static final class EndpointValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String text = value == null ? "" : value.toString().trim();
      if (text.isEmpty()) {
        return;
      }
      try {
        URI uri = URI.create(text);
        if (uri.getScheme() == null
            || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
            || uri.getHost() == null) {
          throw new ConfigException(name, value, "must be an http:// or https:// URL with a host");
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, "is not a URL: " + e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "empty, or an http(s) URL";
    }
  }
}
