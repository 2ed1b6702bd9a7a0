package io.precursor.ingest.metrics;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DB clusters and instances whose metrics are polled, each instance with its cluster when known
 * (per-instance series do not name it, FACTS 4.7).
 *
 * @param clusters cluster identifiers, sorted
 * @param instances instance identifiers, sorted
 * @param clusterOfInstance the cluster of each instance that has a known one
 */
public record Fleet(
    Set<String> clusters, Set<String> instances, Map<String, String> clusterOfInstance) {

  public static final Fleet EMPTY = new Fleet(Set.of(), Set.of(), Map.of());

  public Fleet {
    clusters = Collections.unmodifiableSet(new TreeSet<>(clusters));
    instances = Collections.unmodifiableSet(new TreeSet<>(instances));
    clusterOfInstance = Collections.unmodifiableMap(new TreeMap<>(clusterOfInstance));
  }

  /** The fleet named in configuration, clusters unknown. */
  public static Fleet of(Collection<String> clusters, Collection<String> instances) {
    return new Fleet(Set.copyOf(clusters), Set.copyOf(instances), Map.of());
  }

  /** The cluster of {@code instance}, or null when unknown. */
  public String clusterOf(String instance) {
    return clusterOfInstance.get(instance);
  }

  /** Both fleets; an instance's cluster comes from whichever fleet knows it. */
  public Fleet plus(Fleet other) {
    Set<String> allClusters = new LinkedHashSet<>(clusters);
    allClusters.addAll(other.clusters);
    Set<String> allInstances = new LinkedHashSet<>(instances);
    allInstances.addAll(other.instances);
    Map<String, String> known = new TreeMap<>(other.clusterOfInstance);
    known.putAll(clusterOfInstance);
    return new Fleet(allClusters, allInstances, known);
  }

  /** A short description for logs: the counts and the first few clusters. */
  @Override
  public String toString() {
    return clusters.size()
        + " clusters "
        + List.copyOf(clusters).subList(0, Math.min(5, clusters.size()))
        + (clusters.size() > 5 ? "..." : "")
        + ", "
        + instances.size()
        + " instances";
  }
}
