package io.precursor.alerting;

import io.precursor.alerting.route.AlertSubject;
import io.precursor.alerting.route.NamePattern;
import io.precursor.alerting.route.RouteRule;
import io.precursor.alerting.route.Routing;
import io.precursor.alerting.slack.RetryPolicy;
import io.precursor.alerting.slack.SlackWebhook;
import io.precursor.alerting.slack.WebhookUrl;
import io.precursor.alerting.snapshot.SnapshotSettings;
import io.precursor.schemas.PrecursorKind;
import io.precursor.schemas.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  public static final String WEBHOOKS = "alerting.slack.webhooks";
  public static final String QUEUE_CAPACITY = "alerting.slack.queue.capacity";
  public static final String ROUTES = "alerting.routes";
  public static final String ROUTES_UNMATCHED = "alerting.routes.unmatched";
  public static final String SNAPSHOT_ENABLED = "alerting.snapshot.enabled";
  public static final String SNAPSHOT_ALLOWLIST = "alerting.snapshot.allowlist";
  public static final String SNAPSHOT_DAILY_CAP = "alerting.snapshot.daily.cap";
  public static final String SNAPSHOT_RETRY_BACKOFF_MS = "alerting.snapshot.retry.backoff.ms";
  public static final String SNAPSHOT_RETRY_MAX_ELAPSED_MS =
      "alerting.snapshot.retry.max.elapsed.ms";
  public static final String AWS_REGION = "alerting.aws.region";
  public static final String AWS_RDS_ENDPOINT = "alerting.aws.rds.endpoint";
  public static final String TEST_HALT_AT = "alerting.test.halt.at";
  public static final String TEST_HALT_SUBJECT = "alerting.test.halt.subject";

  /**
   * Settings of the named webhook {@code <name>} go under {@code alerting.slack.webhooks.<name>.}.
   */
  public static final String WEBHOOK_PREFIX = WEBHOOKS + ".";

  /** Settings of routing rule {@code <name>} go under {@code alerting.route.<name>.}. */
  public static final String ROUTE_PREFIX = "alerting.route.";

  /** The URL of a named webhook, under {@link #WEBHOOK_PREFIX}{@code <name>.}. */
  public static final String NAMED_WEBHOOK_URL = "url";

  public static final String ROUTE_KINDS = "kinds";
  public static final String ROUTE_SEVERITIES = "severities";
  public static final String ROUTE_CLUSTERS = "clusters";
  public static final String ROUTE_INSTANCES = "instances";
  public static final String ROUTE_WEBHOOKS = "webhooks";
  public static final String ROUTE_SNAPSHOT = "snapshot";

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
              "Limit on connecting to the webhook and on each request.")
          .define(
              QUEUE_CAPACITY,
              Type.INT,
              1000,
              Range.between(1, 100_000),
              Importance.LOW,
              "Alerts that may wait for each webhook; when a webhook's queue is full, the partitions"
                  + " whose next alert goes there pause until it has room.")
          .define(
              WEBHOOKS,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Names of further Slack webhooks routing rules can post to, besides the default one"
                  + " ("
                  + WEBHOOK_NAME
                  + "); each needs "
                  + WEBHOOK_PREFIX
                  + "<name>."
                  + NAMED_WEBHOOK_URL
                  + ". Names also scope de-duplication: keep them stable.")
          .define(
              ROUTES,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Names of the routing rules, each configured under "
                  + ROUTE_PREFIX
                  + "<name>.*."
                  + " Every rule that matches an alert adds its webhooks and its snapshot; empty"
                  + " sends everything to the default webhook and takes no snapshot.")
          .define(
              ROUTES_UNMATCHED,
              Type.STRING,
              "post",
              CaseInsensitiveValidString.in("post", "drop"),
              Importance.MEDIUM,
              "What happens to an alert no routing rule matches: post it to the default webhook,"
                  + " or drop it.")
          .define(
              SNAPSHOT_ENABLED,
              Type.BOOLEAN,
              false,
              Importance.HIGH,
              "Take the RDS snapshots routing rules ask for. While false (a dry run) each one is"
                  + " only recorded on the actions topic with outcome DRY_RUN.")
          .define(
              SNAPSHOT_ALLOWLIST,
              Type.LIST,
              "",
              patternList(),
              Importance.HIGH,
              "DB clusters (and plain DB instances) that may be snapshotted, as name patterns"
                  + " with * and ?; empty allows none. Others are recorded as SKIPPED.")
          .define(
              SNAPSHOT_DAILY_CAP,
              Type.INT,
              3,
              Range.between(1, 100),
              Importance.MEDIUM,
              "Most snapshots (dry runs included) per DB cluster or instance per UTC day; more are"
                  + " recorded as SKIPPED. RDS allows 100 manual snapshots per region by default.")
          .define(
              SNAPSHOT_RETRY_BACKOFF_MS,
              Type.LONG,
              30_000L,
              Range.between(1L, HOUR_MS),
              Importance.LOW,
              "Wait before trying a snapshot again when RDS refused it for now (the cluster is"
                  + " failing over or busy, throttling, a 5xx or the network).")
          .define(
              SNAPSHOT_RETRY_MAX_ELAPSED_MS,
              Type.LONG,
              HOUR_MS,
              Range.between(0L, 24 * HOUR_MS),
              Importance.LOW,
              "How long a snapshot RDS keeps refusing for now is retried; then it is recorded as"
                  + " FAILED. Until then the consumer offset does not pass its record.")
          .define(
              AWS_REGION,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "AWS region of the fleet for snapshots, e.g. eu-west-1. Empty uses the SDK's default"
                  + " region chain. Credentials always come from the SDK's default provider chain.")
          .define(
              AWS_RDS_ENDPOINT,
              Type.STRING,
              "",
              new EndpointValidator(),
              Importance.LOW,
              "RDS endpoint URL instead of the region's, e.g. a VPC endpoint or a local stand-in.")
          .define(
              TEST_HALT_AT,
              Type.STRING,
              CrashPoint.NONE,
              CaseInsensitiveValidString.in(
                  CrashPoint.NONE, CrashPoint.AFTER_POST, CrashPoint.AFTER_AUDIT),
              Importance.LOW,
              "TESTS ONLY, never set in production: halt the JVM at once (Runtime.halt, no"
                  + " shutdown hooks, no commit) right after a Slack post returned (after-post) or"
                  + " right after its audit record was acknowledged (after-audit), so crash tests"
                  + " can stop the stage at an exact point.")
          .define(
              TEST_HALT_SUBJECT,
              Type.STRING,
              "",
              Importance.LOW,
              "TESTS ONLY: the precursor or incident id "
                  + TEST_HALT_AT
                  + " halts on; empty"
                  + " halts on the first.");

  /** The settings of one named webhook, under {@link #WEBHOOK_PREFIX}{@code <name>.}. */
  public static final ConfigDef WEBHOOK_DEFINITION =
      new ConfigDef()
          .define(
              NAMED_WEBHOOK_URL,
              Type.PASSWORD,
              ConfigDef.NO_DEFAULT_VALUE,
              validWebhookUrl(),
              Importance.HIGH,
              "The webhook's Slack incoming-webhook URL (a secret: never printed).");

  /** The settings of one routing rule, under {@link #ROUTE_PREFIX}{@code <name>.}. */
  public static final ConfigDef ROUTE_DEFINITION =
      new ConfigDef()
          .define(
              ROUTE_KINDS,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Precursor kinds the rule matches (e.g. BULK_DML_MEMORY_PRESSURE) and/or "
                  + AlertSubject.INCIDENT
                  + " for failover incidents; empty matches every kind.")
          .define(
              ROUTE_SEVERITIES,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Severities the rule matches (INFO, WARNING, CRITICAL; incidents count as"
                  + " CRITICAL); empty matches every severity.")
          .define(
              ROUTE_CLUSTERS,
              Type.LIST,
              "",
              patternList(),
              Importance.MEDIUM,
              "DB cluster name patterns (* and ?), one of which must match; empty matches any"
                  + " cluster, and a plain instance has none.")
          .define(
              ROUTE_INSTANCES,
              Type.LIST,
              "",
              patternList(),
              Importance.MEDIUM,
              "DB instance name patterns (* and ?), one of which must match; empty matches any.")
          .define(
              ROUTE_WEBHOOKS,
              Type.LIST,
              "",
              Importance.MEDIUM,
              "Names of the webhooks matching alerts go to: "
                  + WEBHOOK_NAME
                  + "'s value for the default one, or names from "
                  + WEBHOOKS
                  + ".")
          .define(
              ROUTE_SNAPSHOT,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "Take an RDS snapshot of the alert's DB cluster (or plain instance), subject to the"
                  + " alerting.snapshot.* guards.");

  private final Map<String, WebhookUrl> namedWebhooks;
  private final Routing routing;

  public AlertingConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
    if (getLong(RETRY_INITIAL_BACKOFF_MS) > getLong(RETRY_MAX_BACKOFF_MS)) {
      throw new ConfigException(
          RETRY_INITIAL_BACKOFF_MS,
          getLong(RETRY_INITIAL_BACKOFF_MS),
          "must not exceed " + RETRY_MAX_BACKOFF_MS + " (" + getLong(RETRY_MAX_BACKOFF_MS) + ")");
    }
    this.namedWebhooks = parseNamedWebhooks();
    this.routing = parseRouting();
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

  /** Every webhook by name, the default one first; the URLs print redacted. */
  public Map<String, WebhookUrl> webhookUrls() {
    Map<String, WebhookUrl> all = new LinkedHashMap<>();
    all.put(webhookName(), webhookUrl());
    all.putAll(namedWebhooks);
    return all;
  }

  /** The routing rules, in order, with the default for alerts none matches. */
  public Routing routing() {
    return routing;
  }

  /** The kinds alerting posts at all: every precursor kind, and incidents when posted. */
  public Set<String> postedKinds() {
    Set<String> kinds = new LinkedHashSet<>();
    for (PrecursorKind kind : PrecursorKind.values()) {
      kinds.add(kind.name());
    }
    if (postIncidents()) {
      kinds.add(AlertSubject.INCIDENT);
    }
    return kinds;
  }

  /** The snapshot guards and retry pacing. */
  public SnapshotSettings snapshotSettings() {
    return new SnapshotSettings(
        getBoolean(SNAPSHOT_ENABLED),
        getList(SNAPSHOT_ALLOWLIST).stream().map(NamePattern::of).toList(),
        getInt(SNAPSHOT_DAILY_CAP),
        Duration.ofMillis(getLong(SNAPSHOT_RETRY_BACKOFF_MS)),
        Duration.ofMillis(getLong(SNAPSHOT_RETRY_MAX_ELAPSED_MS)));
  }

  /** The configured region, or empty to let the SDK find it. */
  public Optional<String> awsRegion() {
    return Optional.of(getString(AWS_REGION).trim()).filter(r -> !r.isEmpty());
  }

  /** The RDS endpoint override, if any. */
  public Optional<URI> rdsEndpoint() {
    String value = getString(AWS_RDS_ENDPOINT).trim();
    return value.isEmpty() ? Optional.empty() : Optional.of(URI.create(value));
  }

  /** Where a crash test asked the stage to halt; {@link CrashPoint#none()} in production. */
  public CrashPoint crashPoint() {
    return CrashPoint.of(getString(TEST_HALT_AT), getString(TEST_HALT_SUBJECT));
  }

  private Map<String, WebhookUrl> parseNamedWebhooks() {
    Map<String, WebhookUrl> named = new LinkedHashMap<>();
    for (String name : getList(WEBHOOKS)) {
      String key = WEBHOOK_PREFIX + name + "." + NAMED_WEBHOOK_URL;
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new ConfigException(
            WEBHOOKS,
            getList(WEBHOOKS),
            "webhook name '"
                + name
                + "' is not 1 to 64 letters, digits, '.', '_' or '-' starting alphanumeric");
      }
      if (name.equals(webhookName()) || named.containsKey(name)) {
        throw new ConfigException(
            WEBHOOKS,
            getList(WEBHOOKS),
            "webhook name '"
                + name
                + "' is given twice (the default webhook is named by "
                + WEBHOOK_NAME
                + ")");
      }
      Map<String, Object> settings = originalsWithPrefix(WEBHOOK_PREFIX + name + ".");
      AbstractConfig parsed;
      try {
        parsed = new AbstractConfig(WEBHOOK_DEFINITION, settings, false);
      } catch (ConfigException e) {
        throw new ConfigException(key + ": " + e.getMessage());
      }
      named.put(name, WebhookUrl.parse(parsed.getPassword(NAMED_WEBHOOK_URL).value()));
    }
    return named;
  }

  private Routing parseRouting() {
    Set<String> webhooks = new LinkedHashSet<>();
    webhooks.add(webhookName());
    webhooks.addAll(namedWebhooks.keySet());
    Set<String> knownKinds = new LinkedHashSet<>();
    for (PrecursorKind kind : PrecursorKind.values()) {
      knownKinds.add(kind.name());
    }
    knownKinds.add(AlertSubject.INCIDENT);
    List<RouteRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String name : getList(ROUTES)) {
      String prefix = ROUTE_PREFIX + name + ".";
      if (!IDENTIFIER.matcher(name).matches() || !names.add(name)) {
        throw new ConfigException(
            ROUTES,
            getList(ROUTES),
            "rule name '"
                + name
                + "' is given twice or is not 1 to 64 letters, digits, '.', '_' or '-'");
      }
      AbstractConfig rule;
      try {
        rule = new AbstractConfig(ROUTE_DEFINITION, originalsWithPrefix(prefix), false);
      } catch (ConfigException e) {
        throw new ConfigException(prefix + "*: " + e.getMessage());
      }
      Set<String> kinds = new LinkedHashSet<>();
      for (String kind : rule.getList(ROUTE_KINDS)) {
        String upper = kind.strip().toUpperCase(Locale.ROOT);
        if (!knownKinds.contains(upper)) {
          throw new ConfigException(
              prefix + ROUTE_KINDS, kind, "not a kind; use one of " + knownKinds);
        }
        kinds.add(upper);
      }
      Set<Severity> severities = new LinkedHashSet<>();
      for (String severity : rule.getList(ROUTE_SEVERITIES)) {
        try {
          severities.add(Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              prefix + ROUTE_SEVERITIES, severity, "not a severity; use INFO, WARNING or CRITICAL");
        }
      }
      List<String> targets = rule.getList(ROUTE_WEBHOOKS);
      for (String target : targets) {
        if (!webhooks.contains(target)) {
          throw new ConfigException(
              prefix + ROUTE_WEBHOOKS,
              target,
              "no such webhook; known: " + webhooks + " (declare more in " + WEBHOOKS + ")");
        }
      }
      boolean snapshot = rule.getBoolean(ROUTE_SNAPSHOT);
      if (targets.isEmpty() && !snapshot) {
        throw new ConfigException(
            prefix + ROUTE_WEBHOOKS,
            "",
            "the rule does nothing: give webhooks, or set " + prefix + ROUTE_SNAPSHOT + "=true");
      }
      rules.add(
          new RouteRule(
              name,
              kinds,
              severities,
              rule.getList(ROUTE_CLUSTERS).stream().map(NamePattern::of).toList(),
              rule.getList(ROUTE_INSTANCES).stream().map(NamePattern::of).toList(),
              targets,
              snapshot));
    }
    boolean postUnmatched = getString(ROUTES_UNMATCHED).equalsIgnoreCase("post");
    return new Routing(rules, webhookName(), postUnmatched);
  }

  /** Alerts that may wait in each webhook's queue. */
  public int queueCapacity() {
    return getInt(QUEUE_CAPACITY);
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

  private static final java.util.regex.Pattern IDENTIFIER =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static ConfigDef.Validator patternList() {
    return (name, value) -> {
      if (value instanceof List<?> list) {
        for (Object item : list) {
          if (item.toString().isBlank()) {
            throw new ConfigException(name, value, "a name pattern must not be empty");
          }
        }
      }
    };
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
