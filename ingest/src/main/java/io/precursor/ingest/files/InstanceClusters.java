package io.precursor.ingest.files;

import java.util.Map;

/**
 * Which cluster each DB instance belongs to, for exports that name only the instance (per-instance
 * metrics, instance events); from DescribeDBInstances or a scenario manifest.
 */
public record InstanceClusters(Map<String, String> clusterByInstance) {

  /** Knows no instance: exports keep the cluster empty where they do not name it. */
  public static final InstanceClusters NONE = new InstanceClusters(Map.of());

  public InstanceClusters {
    clusterByInstance = Map.copyOf(clusterByInstance);
  }

  /** The instance's cluster, or {@code null} when unknown. */
  public String clusterOf(String instance) {
    return clusterByInstance.get(instance);
  }
}
