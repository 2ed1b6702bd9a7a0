package io.precursor.alerting;

import io.precursor.alerting.slack.RetryPolicy;
import io.precursor.alerting.slack.SlackWebhook;
import io.precursor.alerting.slack.WebhookUrl;
import io.precursor.schemas.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.CaseInsensitiveValidString;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** What the alerting stage reads, where it posts, and how hard it tries. */
public final class AlertingConfig extends AbstractConfig {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String GROUP_ID = "alerting.group.id";
  public static final String AUTO_OFFSET_RESET = "alerting.auto.offset.reset";
  public static final String WEBHOOK_URL = "alerting.slack.webhook.url";
  public static final String WEBHOOK_NAME = "alerting.slack.webhook.name";
  public static final String MIN_SEVERITY = "alerting.min.severity";
  public static final String POST_INCIDENTS = "alerting.post.incidents";
  public static final String RATE_PER_SECOND = "alerting.slack.rate.per.second";
  public static final String RATE_BURST = "alerting.slack.rate.burst";
  public static final String RETRY_MAX_ATTEMPTS = "alerting.slack.retry.max.attempts";
  public static final String RETRY_INITIAL_BACKOFF_MS = "alerting.slack.retry.initial.backoff.ms";
  public static final String RETRY_MAX_BACKOFF_MS = "alerting.slack.retry.max.backoff.ms";
  public static final String RETRY_MAX_ELAPSED_MS = "alerting.slack.retry.max.elapsed.ms";
  public static final String REQUEST_TIMEOUT_MS = "alerting.slack.request.timeout.ms";

  /**
   * Kafka client settings under this prefix (e.g. security) go to alerting's consumer and producer.
   */
  public static final String KAFKA_PREFIX = "alerting.kafka.";

  private static final long HOUR_MS = 3_600_000L;

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              BOOTSTRAP_SERVERS,
              Type.LIST,
              ConfigDef.NO_DEFAULT_VALUE,
              nonEmptyList(),
              Importance.HIGH,
              "Kafka brokers to connect to, host:port[,host:port...].")
          .define(
              GROUP_ID,
              Type.STRING,
              "precursor-alerting",
              new NonEmptyString(),
              Importance.MEDIUM,
              "Consumer group of the alerting stage; replicas sharing it split the partitions.")
          .define(
              AUTO_OFFSET_RESET,
              Type.STRING,
              "earliest",
              CaseInsensitiveValidString.in("earliest", "latest"),
              Importance.MEDIUM,
              "Where a new consumer group starts: earliest never misses a precursor written before"
                  + " the first start, latest posts only what comes after it.")
          .define(
              WEBHOOK_URL,
              Type.PASSWORD,
              ConfigDef.NO_DEFAULT_VALUE,
              validWebhookUrl(),
              Importance.HIGH,
              "Slack incoming-webhook URL (a secret: never printed). https:// only, or http:// to"
                  + " a loopback stand-in.")
          .define(
              WEBHOOK_NAME,
              Type.STRING,
              "slack",
              identifier(),
              Importance.MEDIUM,
              "Name of the webhook in audit records and logs, in place of its URL; also scopes"
                  + " de-duplication, so keep it stable across restarts.")
          .define(
              MIN_SEVERITY,
              Type.STRING,
              Severity.WARNING.name(),
              CaseInsensitiveValidString.in(severityNames()),
              Importance.MEDIUM,
              "Least severe precursor that is posted: INFO, WARNING or CRITICAL.")
          .define(
              POST_INCIDENTS,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Post failover incidents (started, completed, failed) with their precursors.")
          .define(
              RATE_PER_SECOND,
              Type.DOUBLE,
              1.0,
              Range.between(0.01, 50.0),
              Importance.LOW,
              "Sustained posts per second to the webhook; Slack allows about one.")
          .define(
              RATE_BURST,
              Type.INT,
              3,
              Range.between(1, 100),
              Importance.LOW,
              "Posts allowed back to back after a quiet spell; more wait in line.")
          .define(
              RETRY_MAX_ATTEMPTS,
              Type.INT,
              5,
              Range.between(1, 50),
              Importance.LOW,
              "Attempts per message, the first included, on 429, 5xx, timeouts and network errors.")
          .define(
              RETRY_INITIAL_BACKOFF_MS,
              Type.LONG,
              500L,
              Range.between(1L, HOUR_MS),
              Importance.LOW,
              "Wait after the first failure; it doubles after each one, with jitter.")
          .define(
              RETRY_MAX_BACKOFF_MS,
              Type.LONG,
              30_000L,
              Range.between(1L, HOUR_MS),
              Importance.LOW,
              "Longest wait between two attempts (a longer Retry-After is still honoured).")
          .define(
              RETRY_MAX_ELAPSED_MS,
              Type.LONG,
              120_000L,
              Range.between(0L, 24 * HOUR_MS),
              Importance.LOW,
              "No retry starts later than this after a message's first attempt; then it is"
                  + " recorded as failed and alerting moves on.")
          .define(
              REQUEST_TIMEOUT_MS,
              Type.LONG,
              10_000L,
              Range.between(100L, 300_000L),
              Importance.LOW,
              "Limit on connecting to the webhook and on each request.");

  public AlertingConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
    if (getLong(RETRY_INITIAL_BACKOFF_MS) > getLong(RETRY_MAX_BACKOFF_MS)) {
      throw new ConfigException(
          RETRY_INITIAL_BACKOFF_MS,
          getLong(RETRY_INITIAL_BACKOFF_MS),
          "must not exceed " + RETRY_MAX_BACKOFF_MS + " (" + getLong(RETRY_MAX_BACKOFF_MS) + ")");
    }
  }

  public List<String> bootstrapServers() {
    return getList(BOOTSTRAP_SERVERS);
  }

  public String groupId() {
    return getString(GROUP_ID);
  }

  public String autoOffsetReset() {
    return getString(AUTO_OFFSET_RESET).toLowerCase(Locale.ROOT);
  }

  /** Extra Kafka client settings given as {@code alerting.kafka.<setting>}, prefix removed. */
  public Map<String, Object> kafkaOverrides() {
    return originalsWithPrefix(KAFKA_PREFIX);
  }

  /** The webhook URL; its {@code toString()} is redacted. */
  public WebhookUrl webhookUrl() {
    return WebhookUrl.parse(getPassword(WEBHOOK_URL).value());
  }

  public String webhookName() {
    return getString(WEBHOOK_NAME);
  }

  public Severity minSeverity() {
    return Severity.valueOf(getString(MIN_SEVERITY).toUpperCase(Locale.ROOT));
  }

  public boolean postIncidents() {
    return getBoolean(POST_INCIDENTS);
  }

  /** Pacing, retry bounds and timeout of the webhook client. */
  public SlackWebhook.Settings webhookSettings() {
    RetryPolicy retry =
        new RetryPolicy(
            getInt(RETRY_MAX_ATTEMPTS),
            Duration.ofMillis(getLong(RETRY_INITIAL_BACKOFF_MS)),
            Duration.ofMillis(getLong(RETRY_MAX_BACKOFF_MS)),
            Duration.ofMillis(getLong(RETRY_MAX_ELAPSED_MS)));
    return new SlackWebhook.Settings(
        getDouble(RATE_PER_SECOND),
        getInt(RATE_BURST),
        retry,
        Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS)));
  }

  private static String[] severityNames() {
    return java.util.Arrays.stream(Severity.values()).map(Enum::name).toArray(String[]::new);
  }

  private static ConfigDef.Validator nonEmptyList() {
    return (name, value) -> {
      if (value instanceof List<?> list
          && (list.isEmpty() || list.stream().anyMatch(v -> v.toString().isBlank()))) {
        throw new ConfigException(name, value, "give at least one host:port");
      }
    };
  }

  // The message never repeats the URL: Password prints as [hidden] and parse() never echoes it.
  private static ConfigDef.Validator validWebhookUrl() {
    return (name, value) -> {
      if (value instanceof Password password) {
        try {
          WebhookUrl.parse(password.value());
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name, value, e.getMessage());
        }
      }
    };
  }

  private static ConfigDef.Validator identifier() {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (!(value instanceof String s) || !s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
          throw new ConfigException(
              name, value, "use 1 to 64 letters, digits, '.', '_' or '-', starting alphanumeric");
        }
      }

      @Override
      public String toString() {
        return "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
      }
    };
  }
}
