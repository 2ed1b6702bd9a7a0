package io.precursor.scenarios.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The Aurora clusters a scenario runs on, in one account and region. */
public record Fleet(AwsAccount account, List<DbCluster> clusters) {

  public Fleet {
    clusters = List.copyOf(clusters);
    Set<String> ids = new HashSet<>();
    for (DbCluster cluster : clusters) {
      for (DbInstance instance : cluster.instances()) {
        if (!ids.add(instance.id())) {
          throw new IllegalArgumentException("instance " + instance.id() + " appears twice");
        }
      }
    }
  }

  public List<DbInstance> instances() {
    return clusters.stream().flatMap(cluster -> cluster.instances().stream()).toList();
  }

  public DbCluster cluster(String clusterId) {
    return clusters.stream()
        .filter(cluster -> cluster.id().equals(clusterId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cluster " + clusterId));
  }
}
