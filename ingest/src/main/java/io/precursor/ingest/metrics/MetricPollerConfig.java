package io.precursor.ingest.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Configuration of the CloudWatch metric poll: which DB instances and clusters, which metrics. */
public final class MetricPollerConfig extends AbstractConfig {

  /** RDS publishes AWS/RDS metrics every minute, so one minute is the finest period (FACTS 4.3). */
  public static final Duration PERIOD = Duration.ofSeconds(60);

  public static final String INSTANCES = "ingest.metrics.instances";
  public static final String CLUSTERS = "ingest.metrics.clusters";
  public static final String DISCOVER = "ingest.metrics.discover";
  public static final String DISCOVER_ENGINES = "ingest.metrics.discover.engines";
  public static final String DISCOVER_TAGS = "ingest.metrics.discover.tags";
  public static final String DISCOVER_INTERVAL_MS = "ingest.metrics.discover.interval.ms";
  public static final String INSTANCE_METRICS = "ingest.metrics.instance.metrics";
  public static final String CLUSTER_METRICS = "ingest.metrics.cluster.metrics";
  public static final String CLUSTER_ROLES = "ingest.metrics.cluster.roles";
  public static final String STATISTICS = "ingest.metrics.statistics";
  public static final String INTERVAL_MS = "ingest.metrics.interval.ms";
  public static final String OVERLAP_MS = "ingest.metrics.overlap.ms";
  public static final String QUERIES_PER_REQUEST = "ingest.metrics.queries.per.request";
  public static final String RESUME_TIMEOUT_MS = "ingest.metrics.resume.timeout.ms";

  /**
   * The MISSION's metrics that FACTS 4.5 lists under DBInstanceIdentifier, and two more the rules
   * read per instance: Deadlocks (deadlock-storm; seed 001 sends it to AWS's instance-level metrics
   * for Amazon Aurora) and BinLogDiskUsage (oversized-transaction, to see the binlog on; the writer
   * keeps one).
   */
  public static final List<String> DEFAULT_INSTANCE_METRICS =
      List.of(
          "CPUUtilization",
          "CPUCreditBalance",
          "DatabaseConnections",
          "DiskQueueDepth",
          "FreeableMemory",
          "ReadIOPS",
          "WriteIOPS",
          "ReadLatency",
          "WriteLatency",
          "SwapUsage",
          "Deadlocks",
          "BinLogDiskUsage");

  /**
   * The MISSION's metrics that FACTS 4.5 lists under DBClusterIdentifier, and BinLogDiskUsage,
   * which AWS's Aurora metrics reference lists at cluster level.
   */
  public static final List<String> DEFAULT_CLUSTER_METRICS =
      List.of(
          "AuroraReplicaLag",
          "BufferCacheHitRatio",
          "CommitLatency",
          "DMLLatency",
          "Deadlocks",
          "DatabaseConnections",
          "FreeableMemory",
          "CPUUtilization",
          "BinLogDiskUsage");

  private static final Pattern STATISTIC =
      Pattern.compile("Average|Minimum|Maximum|Sum|SampleCount|p(100|\\d{1,2}(\\.\\d+)?)");

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              INSTANCES,
              Type.LIST,
              "",
              Importance.HIGH,
              "DB instance identifiers to poll, beside any discovered.")
          .define(
              CLUSTERS,
              Type.LIST,
              "",
              Importance.HIGH,
              "DB cluster identifiers to poll at cluster scope, beside any discovered; with "
                  + DISCOVER
                  + " their member instances are polled too.")
          .define(
              DISCOVER,
              Type.BOOLEAN,
              false,
              Importance.HIGH,
              "Find clusters and instances with DescribeDBClusters and DescribeDBInstances (of the"
                  + " engines in "
                  + DISCOVER_ENGINES
                  + ", carrying the tags in "
                  + DISCOVER_TAGS
                  + ").")
          .define(
              DISCOVER_ENGINES,
              Type.LIST,
              "aurora-mysql",
              new NonBlankEntries(),
              Importance.LOW,
              "RDS engines that discovery keeps.")
          .define(
              DISCOVER_TAGS,
              Type.LIST,
              "",
              new TagFilterValidator(),
              Importance.MEDIUM,
              "Tags a discovered cluster or instance must all carry, key=value or just key (any"
                  + " value); an instance is also kept when its cluster is. Empty keeps all.")
          .define(
              DISCOVER_INTERVAL_MS,
              Type.LONG,
              600_000L,
              Range.atLeast(1_000),
              Importance.LOW,
              "How often discovery runs again to see new and removed instances.")
          .define(
              INSTANCE_METRICS,
              Type.LIST,
              String.join(",", DEFAULT_INSTANCE_METRICS),
              new NonBlankEntries(),
              Importance.MEDIUM,
              "AWS/RDS metrics polled per DB instance (dimension DBInstanceIdentifier).")
          .define(
              CLUSTER_METRICS,
              Type.LIST,
              String.join(",", DEFAULT_CLUSTER_METRICS),
              new NonBlankEntries(),
              Importance.MEDIUM,
              "AWS/RDS metrics polled per DB cluster (dimension DBClusterIdentifier), and per"
                  + " role of the cluster when "
                  + CLUSTER_ROLES
                  + " names one.")
          .define(
              CLUSTER_ROLES,
              Type.LIST,
              "WRITER",
              ConfigDef.ValidList.in(true, "WRITER", "READER"),
              Importance.LOW,
              "Roles (DBClusterIdentifier + Role) whose series are polled too, published as"
                  + " instance '<cluster>/WRITER' or '<cluster>/READER'; the writer's series"
                  + " follows the writer across failovers.")
          .define(
              STATISTICS,
              Type.LIST,
              "Average",
              new StatisticsValidator(),
              Importance.LOW,
              "CloudWatch statistics polled for every metric: Average, Minimum, Maximum, Sum,"
                  + " SampleCount or a percentile like p99.")
          .define(
              INTERVAL_MS,
              Type.LONG,
              60_000L,
              Range.atLeast(1_000),
              Importance.MEDIUM,
              "Time between the starts of two polls.")
          .define(
              OVERLAP_MS,
              Type.LONG,
              300_000L,
              Range.between(PERIOD.toMillis(), Duration.ofDays(1).toMillis()),
              Importance.MEDIUM,
              "How far back each poll reads, so datapoints that CloudWatch publishes late or"
                  + " revises arrive; must cover the interval. It also bounds what the poller"
                  + " remembers to drop duplicates.")
          .define(
              QUERIES_PER_REQUEST,
              Type.INT,
              500,
              Range.between(1, 500),
              Importance.LOW,
              "Metric queries per GetMetricData request; 500 is CloudWatch's limit (FACTS 4.1).")
          .define(
              RESUME_TIMEOUT_MS,
              Type.LONG,
              60_000L,
              Range.atLeast(1_000),
              Importance.LOW,
              "Longest time reading the metrics topic at start-up for the datapoints published"
                  + " within the overlap window, which the first poll then does not publish"
                  + " again.");

  public MetricPollerConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
    if (getLong(OVERLAP_MS) < getLong(INTERVAL_MS)) {
      throw new ConfigException(
          OVERLAP_MS,
          getLong(OVERLAP_MS),
          "must be at least "
              + INTERVAL_MS
              + " ("
              + getLong(INTERVAL_MS)
              + "), or datapoints between two polls are never read");
    }
    if (instances().isEmpty() && clusters().isEmpty() && !discover()) {
      throw new ConfigException(
          "nothing to poll: set " + INSTANCES + ", " + CLUSTERS + " or " + DISCOVER + "=true");
    }
  }

  public List<String> instances() {
    return trimmed(INSTANCES);
  }

  public List<String> clusters() {
    return trimmed(CLUSTERS);
  }

  public boolean discover() {
    return getBoolean(DISCOVER);
  }

  public List<String> discoverEngines() {
    return trimmed(DISCOVER_ENGINES);
  }

  /** Tag key to required value; a null value means any value. */
  public Map<String, String> discoverTags() {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String entry : trimmed(DISCOVER_TAGS)) {
      int eq = entry.indexOf('=');
      tags.put(
          eq < 0 ? entry : entry.substring(0, eq).trim(),
          eq < 0 ? null : entry.substring(eq + 1).trim());
    }
    return tags;
  }

  public Duration discoverInterval() {
    return Duration.ofMillis(getLong(DISCOVER_INTERVAL_MS));
  }

  /** The metrics, scopes, roles and statistics to poll. */
  public MetricCatalogue catalogue() {
    return new MetricCatalogue(
        trimmed(INSTANCE_METRICS),
        trimmed(CLUSTER_METRICS),
        trimmed(CLUSTER_ROLES).stream().map(r -> r.toUpperCase(Locale.ROOT)).toList(),
        trimmed(STATISTICS));
  }

  public Duration interval() {
    return Duration.ofMillis(getLong(INTERVAL_MS));
  }

  public Duration overlap() {
    return Duration.ofMillis(getLong(OVERLAP_MS));
  }

  public Duration resumeTimeout() {
    return Duration.ofMillis(getLong(RESUME_TIMEOUT_MS));
  }

  public int queriesPerRequest() {
    return getInt(QUERIES_PER_REQUEST);
  }

  private List<String> trimmed(String key) {
    return getList(key).stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /** A list whose entries are not blank. */
  static final class NonBlankEntries implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      List<?> list = (List<?>) value;
      if (list.stream().anyMatch(e -> e == null || e.toString().isBlank())) {
        throw new ConfigException(name, value, "has a blank entry");
      }
    }

    @Override
    public String toString() {
      return "a list of non-blank names";
    }
  }

  /** Tag filters: {@code key=value} or {@code key}, with a key. */
  static final class TagFilterValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      for (Object entry : (List<?>) value) {
        String text = entry.toString().trim();
        if (text.isEmpty() || text.startsWith("=")) {
          throw new ConfigException(
              name, value, "entry '" + text + "' needs a tag key: key=value or key");
        }
      }
    }

    @Override
    public String toString() {
      return "key=value or key, comma separated";
    }
  }

  /** CloudWatch statistics. */
  static final class StatisticsValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      List<?> list = (List<?>) value;
      if (list.isEmpty()) {
        throw new ConfigException(name, value, "needs at least one statistic");
      }
      for (Object entry : list) {
        if (!STATISTIC.matcher(entry.toString().trim()).matches()) {
          throw new ConfigException(
              name,
              value,
              "'"
                  + entry
                  + "' is not a CloudWatch statistic (Average, Minimum, Maximum, Sum,"
                  + " SampleCount, pNN)");
        }
      }
    }

    @Override
    public String toString() {
      return "Average, Minimum, Maximum, Sum, SampleCount or pNN";
    }
  }
}
