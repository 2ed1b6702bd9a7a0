package io.precursor.ingest.files;

import io.precursor.schemas.MetricScope;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One entry of a {@code --metric-data-queries} file: the metric and dimensions that a GetMetricData
 * result with the same {@code Id} holds values for.
 */
record MetricQuery(
    String id,
    String namespace,
    String metricName,
    Map<String, String> dimensions,
    int periodSeconds,
    String stat) {

  static final String INSTANCE = "DBInstanceIdentifier";
  static final String CLUSTER = "DBClusterIdentifier";
  static final String ROLE = "Role";
  private static final Set<String> KNOWN = Set.of(INSTANCE, CLUSTER, ROLE);

  /** Whose metric this is, as a {@code MetricSample} names it. */
  record Source(MetricScope scope, String instance, String cluster) {}

  /**
   * Maps the dimensions to a source: {@code DBInstanceIdentifier} is an instance (with its cluster
   * if known); {@code DBClusterIdentifier} alone is the cluster; with {@code Role} it is the
   * cluster's writer or reader role, keyed {@code <cluster>/WRITER} so the role series stays apart
   * from the cluster-wide one and follows the writer across failovers.
   */
  Source source(InstanceClusters clusters) throws UnreadableItem {
    if (metricName == null) {
      throw new UnreadableItem("query " + id + " is a metric math expression, not a metric");
    }
    if (!"AWS/RDS".equals(namespace)) {
      throw new UnreadableItem("query " + id + " is in namespace " + namespace + ", not AWS/RDS");
    }
    Set<String> unknown = new TreeSet<>(dimensions.keySet());
    unknown.removeAll(KNOWN);
    if (!unknown.isEmpty()) {
      throw new UnreadableItem(
          "query "
              + id
              + " has dimensions "
              + unknown
              + "; Precursor reads "
              + new TreeSet<>(KNOWN));
    }
    String instance = dimensions.get(INSTANCE);
    String cluster = dimensions.get(CLUSTER);
    String role = dimensions.get(ROLE);
    if (instance != null && role == null) {
      return new Source(
          MetricScope.INSTANCE, instance, cluster != null ? cluster : clusters.clusterOf(instance));
    }
    if (instance == null && cluster != null && role == null) {
      return new Source(MetricScope.CLUSTER, cluster, cluster);
    }
    if (instance == null && cluster != null) {
      String upper = role.toUpperCase(Locale.ROOT);
      if (!upper.equals("WRITER") && !upper.equals("READER")) {
        throw new UnreadableItem("query " + id + " has Role " + role + ", not WRITER or READER");
      }
      return new Source(MetricScope.CLUSTER, cluster + "/" + upper, cluster);
    }
    throw new UnreadableItem(
        "query "
            + id
            + " has dimensions "
            + new TreeMap<>(dimensions)
            + ", which name no DB instance or cluster");
  }
}
