package io.precursor.scenarios.fleet;

/** One Aurora MySQL DB instance, with the role it has when a scenario starts. */
public record DbInstance(
    String id,
    String clusterId,
    InstanceRole role,
    String availabilityZone,
    String instanceClass,
    long memoryBytes) {

  public static final long GIB = 1L << 30;
}
