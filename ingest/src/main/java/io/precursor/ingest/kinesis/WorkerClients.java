package io.precursor.ingest.kinesis;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * The AWS SDK clients a KCL worker needs, built from configuration with the SDK's default
 * credentials chain (environment, system properties, profile, container or instance role).
 */
public record WorkerClients(
    KinesisAsyncClient kinesis, DynamoDbAsyncClient dynamoDb, CloudWatchAsyncClient cloudWatch)
    implements AutoCloseable {

  /**
   * All three clients from {@code config}.
   *
   * @throws IllegalStateException when no region is configured and the SDK finds none
   */
  public static WorkerClients create(KinesisIngestConfig config) {
    return new WorkerClients(kinesis(config), dynamoDb(config), cloudWatch(config));
  }

  /**
   * The Kinesis client, speaking HTTP/1.1: polling needs no HTTP/2 (only SubscribeToShard does),
   * and plain http:// endpoint overrides cannot negotiate it.
   */
  public static KinesisAsyncClient kinesis(KinesisIngestConfig config) {
    return build(
        KinesisAsyncClient.builder()
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)),
        config.region(),
        config.kinesisEndpoint(),
        config);
  }

  /** The DynamoDB client of the lease table. */
  public static DynamoDbAsyncClient dynamoDb(KinesisIngestConfig config) {
    return build(DynamoDbAsyncClient.builder(), config.region(), config.dynamoDbEndpoint(), config);
  }

  /** The CloudWatch client KCL requires; never called, since KCL's metrics are switched off. */
  public static CloudWatchAsyncClient cloudWatch(KinesisIngestConfig config) {
    return build(CloudWatchAsyncClient.builder(), config.region(), Optional.empty(), config);
  }

  @Override
  public void close() {
    kinesis.close();
    dynamoDb.close();
    cloudWatch.close();
  }

  private static <B extends AwsClientBuilder<B, C>, C> C build(
      B builder, Optional<Region> region, Optional<URI> endpoint, KinesisIngestConfig config) {
    region.ifPresent(builder::region);
    endpoint.ifPresent(builder::endpointOverride);
    try {
      return builder.build();
    } catch (SdkClientException e) {
      throw new IllegalStateException(
          "cannot build an AWS client for stream "
              + config.streamName()
              + ": "
              + e.getMessage()
              + " (set "
              + KinesisIngestConfig.REGION
              + " or AWS_REGION)",
          e);
    }
  }
}
