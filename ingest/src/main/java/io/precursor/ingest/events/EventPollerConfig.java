package io.precursor.ingest.events;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import software.amazon.awssdk.services.rds.model.SourceType;

/** Configuration of the RDS event poll: which sources, how often, how far back. */
public final class EventPollerConfig extends AbstractConfig {

  /** How long RDS keeps events: DescribeEvents reads no further back. */
  public static final Duration RDS_RETENTION = Duration.ofDays(14);

  public static final String SOURCE_TYPES = "ingest.events.source.types";
  public static final String INTERVAL_MS = "ingest.events.interval.ms";
  public static final String OVERLAP_MS = "ingest.events.overlap.ms";
  public static final String START_LOOKBACK_MS = "ingest.events.start.lookback.ms";
  public static final String PAGE_SIZE = "ingest.events.page.size";
  public static final String RESUME_TIMEOUT_MS = "ingest.events.resume.timeout.ms";
  public static final String INSTANCE_CLUSTERS = "ingest.events.instance.clusters";
  public static final String DISCOVER_CLUSTERS = "ingest.events.discover.clusters";

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              SOURCE_TYPES,
              Type.LIST,
              "db-cluster,db-instance",
              ConfigDef.ValidList.in(false, "db-cluster", "db-instance"),
              Importance.MEDIUM,
              "DescribeEvents source types polled, one call each: db-cluster carries the Aurora"
                  + " failover events, db-instance the restarts, shutdowns and low storage.")
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
              600_000L,
              Range.between(0, Duration.ofDays(1).toMillis()),
              Importance.LOW,
              "How far before the end of the previous poll each poll starts reading, so events"
                  + " RDS records late still arrive (events are best effort, FACTS 3.4); events"
                  + " read again are dropped by source, time and message.")
          .define(
              START_LOOKBACK_MS,
              Type.LONG,
              3_600_000L,
              Range.between(0, RDS_RETENTION.toMillis()),
              Importance.LOW,
              "Where the very first poll starts, before now, when the db-events topic holds no"
                  + " event this poller published; otherwise it continues after the newest one.")
          .define(
              PAGE_SIZE,
              Type.INT,
              100,
              Range.between(20, 100),
              Importance.LOW,
              "MaxRecords of each DescribeEvents page (RDS allows 20 to 100).")
          .define(
              RESUME_TIMEOUT_MS,
              Type.LONG,
              60_000L,
              Range.atLeast(1_000),
              Importance.LOW,
              "Longest time reading the db-events topic at start-up to find where to continue.")
          .define(
              INSTANCE_CLUSTERS,
              Type.LIST,
              "",
              new InstanceClusterPairs(),
              Importance.LOW,
              "The cluster of DB instances, as instance=cluster pairs, for their events"
                  + " (DescribeEvents names only the instance); these win over discovery.")
          .define(
              DISCOVER_CLUSTERS,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Ask DescribeDBInstances which cluster each DB instance belongs to, so that every"
                  + " instance event names its cluster; asked again only when an event newer"
                  + " than the last answer names an instance it did not list. Needs"
                  + " rds:DescribeDBInstances.");

  public EventPollerConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
  }

  public List<SourceType> sourceTypes() {
    return getList(SOURCE_TYPES).stream()
        .map(String::trim)
        .distinct()
        .map(SourceType::fromValue)
        .toList();
  }

  public Duration interval() {
    return Duration.ofMillis(getLong(INTERVAL_MS));
  }

  public Duration overlap() {
    return Duration.ofMillis(getLong(OVERLAP_MS));
  }

  public Duration startLookback() {
    return Duration.ofMillis(getLong(START_LOOKBACK_MS));
  }

  public int pageSize() {
    return getInt(PAGE_SIZE);
  }

  public Duration resumeTimeout() {
    return Duration.ofMillis(getLong(RESUME_TIMEOUT_MS));
  }

  /** Instance to cluster, as configured. */
  public Map<String, String> instanceClusters() {
    Map<String, String> clusters = new LinkedHashMap<>();
    for (String pair : getList(INSTANCE_CLUSTERS)) {
      int eq = pair.indexOf('=');
      clusters.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return clusters;
  }

  public boolean discoverClusters() {
    return getBoolean(DISCOVER_CLUSTERS);
  }

  /** Each entry {@code instance=cluster}, both named, no instance twice. */
  private static final class InstanceClusterPairs implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      Set<String> instances = new HashSet<>();
      for (Object entry : (List<?>) value) {
        String pair = String.valueOf(entry);
        int eq = pair.indexOf('=');
        if (eq < 0 || pair.substring(0, eq).isBlank() || pair.substring(eq + 1).isBlank()) {
          throw new ConfigException(name, value, "each entry is instance=cluster, not " + pair);
        }
        if (!instances.add(pair.substring(0, eq).trim())) {
          throw new ConfigException(
              name, value, "names instance " + pair.substring(0, eq).trim() + " twice");
        }
      }
    }

    @Override
    public String toString() {
      return "instance=cluster,...";
    }
  }
}
