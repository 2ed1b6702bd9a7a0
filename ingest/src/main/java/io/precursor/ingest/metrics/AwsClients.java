package io.precursor.ingest.metrics;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Builds the CloudWatch, RDS (and, for replay, CloudWatch Logs) clients the pollers call, with
 * credentials from the SDK's default provider chain (environment, profile, web identity, container
 * or instance role) and without the SDK's own retries, since {@link AwsRetry} retries and counts
 * them.
 */
public final class AwsClients {

  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

  private AwsClients() {}

  /** A CloudWatch client with credentials from the default provider chain. */
  public static CloudWatchClient cloudWatch(AwsPollConfig config) {
    return cloudWatch(config, DefaultCredentialsProvider.builder().build());
  }

  /** A CloudWatch client with the given credentials (tests use fixed fake ones). */
  public static CloudWatchClient cloudWatch(
      AwsPollConfig config, AwsCredentialsProvider credentials) {
    var builder = CloudWatchClient.builder();
    configure(builder, config, credentials);
    config.cloudWatchEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** An RDS client with credentials from the default provider chain. */
  public static RdsClient rds(AwsPollConfig config) {
    return rds(config, DefaultCredentialsProvider.builder().build());
  }

  /** An RDS client with the given credentials (tests use fixed fake ones). */
  public static RdsClient rds(AwsPollConfig config, AwsCredentialsProvider credentials) {
    var builder = RdsClient.builder();
    configure(builder, config, credentials);
    config.rdsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** A CloudWatch Logs client with credentials from the default provider chain. */
  public static CloudWatchLogsClient logs(AwsPollConfig config) {
    return logs(config, DefaultCredentialsProvider.builder().build());
  }

  /** A CloudWatch Logs client with the given credentials (tests use fixed fake ones). */
  public static CloudWatchLogsClient logs(
      AwsPollConfig config, AwsCredentialsProvider credentials) {
    var builder = CloudWatchLogsClient.builder();
    configure(builder, config, credentials);
    config.logsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static void configure(
      AwsClientBuilder<?, ?> builder, AwsPollConfig config, AwsCredentialsProvider credentials) {
    builder.credentialsProvider(credentials);
    config.region().map(Region::of).ifPresent(builder::region);
    builder.overrideConfiguration(
        ClientOverrideConfiguration.builder()
            .retryStrategy(DefaultRetryStrategy.doNotRetry())
            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
            .build());
  }
}
