package io.precursor.scenarios.fleet;

import java.util.List;

/** One Aurora MySQL DB cluster and its instances. */
public record DbCluster(String id, String engineVersion, List<DbInstance> instances) {

  public DbCluster {
    instances = List.copyOf(instances);
    for (DbInstance instance : instances) {
      if (!instance.clusterId().equals(id)) {
        throw new IllegalArgumentException(instance.id() + " belongs to " + instance.clusterId());
      }
    }
  }

  /** The instance that is the writer when the scenario starts. */
  public DbInstance writer() {
    return instances.stream()
        .filter(instance -> instance.role() == InstanceRole.WRITER)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("cluster " + id + " has no writer"));
  }

  public List<DbInstance> readers() {
    return instances.stream().filter(instance -> instance.role() == InstanceRole.READER).toList();
  }
}
