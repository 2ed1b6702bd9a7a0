package io.precursor.scenarios.fleet;

/** The AWS account and region a scenario's resources live in; used to build ARNs and owners. */
public record AwsAccount(String accountId, String region) {

  /** The account AWS documentation uses in its examples. */
  public static final AwsAccount EXAMPLE = new AwsAccount("123456789012", "us-east-1");

  public String clusterArn(String clusterId) {
    return "arn:aws:rds:" + region + ":" + accountId + ":cluster:" + clusterId;
  }

  public String instanceArn(String instanceId) {
    return "arn:aws:rds:" + region + ":" + accountId + ":db:" + instanceId;
  }
}
