package io.precursor.scenarios.metrics;

import io.precursor.scenarios.fleet.InstanceRole;

/** A CloudWatch metric dimension, as it appears in a GetMetricData query. */
public record Dimension(String name, String value) {

  public static Dimension instance(String instanceId) {
    return new Dimension("DBInstanceIdentifier", instanceId);
  }

  public static Dimension cluster(String clusterId) {
    return new Dimension("DBClusterIdentifier", clusterId);
  }

  public static Dimension role(InstanceRole role) {
    return new Dimension("Role", role.name());
  }
}
