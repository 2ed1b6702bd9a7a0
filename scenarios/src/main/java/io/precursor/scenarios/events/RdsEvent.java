package io.precursor.scenarios.events;

import io.precursor.scenarios.fleet.AwsAccount;
import java.time.Instant;
import java.util.List;

/**
 * One RDS event as {@code aws rds describe-events} prints it. The message texts are RDS's own, from
 * the Aurora User Guide's event table and AWS CLI reference example output.
 */
public record RdsEvent(
    String sourceIdentifier,
    String sourceType,
    String message,
    List<String> eventCategories,
    Instant date,
    String sourceArn) {

  public static final String DB_CLUSTER = "db-cluster";
  public static final String DB_INSTANCE = "db-instance";

  public RdsEvent {
    eventCategories = List.copyOf(eventCategories);
  }

  /** RDS-EVENT-0073 (cross-AZ) or RDS-EVENT-0072 (same AZ): the cluster started a failover. */
  public static RdsEvent failoverStarted(
      AwsAccount account, String clusterId, String newWriter, boolean crossAz, Instant at) {
    String message =
        (crossAz
                ? "Started cross AZ failover to DB instance: "
                : "Started same AZ failover to DB instance: ")
            + newWriter;
    return cluster(account, clusterId, message, List.of("failover"), at);
  }

  /** RDS-EVENT-0071: the cluster's failover completed. */
  public static RdsEvent failoverCompleted(
      AwsAccount account, String clusterId, String newWriter, Instant at) {
    return cluster(
        account,
        clusterId,
        "Completed failover to DB instance: " + newWriter,
        List.of("failover"),
        at);
  }

  /** RDS-EVENT-0006: the DB instance restarted. */
  public static RdsEvent instanceRestarted(AwsAccount account, String instanceId, Instant at) {
    return instance(account, instanceId, "DB instance restarted", List.of("availability"), at);
  }

  /** What RDS reports for the old writer when a failover demotes it; it carries no category. */
  public static RdsEvent restartingAsReader(AwsAccount account, String instanceId, Instant at) {
    return instance(
        account,
        instanceId,
        "A new writer was promoted. Restarting database as a reader.",
        List.of(),
        at);
  }

  private static RdsEvent cluster(
      AwsAccount account, String clusterId, String message, List<String> categories, Instant at) {
    return new RdsEvent(
        clusterId, DB_CLUSTER, message, categories, at, account.clusterArn(clusterId));
  }

  private static RdsEvent instance(
      AwsAccount account, String instanceId, String message, List<String> categories, Instant at) {
    return new RdsEvent(
        instanceId, DB_INSTANCE, message, categories, at, account.instanceArn(instanceId));
  }
}
