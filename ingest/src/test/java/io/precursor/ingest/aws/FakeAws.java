package io.precursor.ingest.aws;

import io.precursor.ingest.metrics.AwsClients;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.testkit.aws.LocalCloudWatch;
import io.precursor.testkit.aws.LocalRds;
import io.precursor.testkit.aws.TestAwsCredentials;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.rds.RdsClient;

/** Real SDK clients pointed at the local stand-ins, signing with fixed fake credentials. */
public final class FakeAws {

  public static final String ACCESS_KEY_ID = TestAwsCredentials.ACCESS_KEY_ID;

  public static final AwsCredentialsProvider CREDENTIALS = TestAwsCredentials.PROVIDER;

  private FakeAws() {}

  /** Poller settings for the stand-ins: region, endpoints, and {@code extra}. */
  public static Map<String, Object> settings(
      LocalCloudWatch cloudWatch, LocalRds rds, Map<String, ?> extra) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(AwsPollConfig.REGION, "us-east-1");
    if (cloudWatch != null) {
      settings.put(AwsPollConfig.CLOUDWATCH_ENDPOINT, cloudWatch.endpoint().toString());
    }
    if (rds != null) {
      settings.put(AwsPollConfig.RDS_ENDPOINT, rds.endpoint().toString());
    }
    settings.putAll(extra);
    return settings;
  }

  public static CloudWatchClient cloudWatch(LocalCloudWatch server) {
    return AwsClients.cloudWatch(new AwsPollConfig(settings(server, null, Map.of())), CREDENTIALS);
  }

  public static RdsClient rds(LocalRds server) {
    return AwsClients.rds(new AwsPollConfig(settings(null, server, Map.of())), CREDENTIALS);
  }
}
