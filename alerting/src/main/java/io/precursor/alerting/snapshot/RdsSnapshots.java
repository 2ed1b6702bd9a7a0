package io.precursor.alerting.snapshot;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * Asks RDS for cluster snapshots (Aurora, CreateDBClusterSnapshot) and instance snapshots (plain
 * RDS, CreateDBSnapshot), tagged with the precursor id and kind, and sorts RDS's answer into a
 * {@link SnapshotResult}. The client is built on first use, so a dry run needs no AWS at all.
 */
public final class RdsSnapshots implements AutoCloseable {

  public static final String TAG_PRECURSOR_ID = "precursor:id";
  public static final String TAG_KIND = "precursor:kind";

  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
  // Transient service answers worth asking again about (FACTS.md 7.3, 7.4; SDK throttling codes).
  private static final Set<String> RETRYABLE_CODES =
      Set.of(
          "InvalidDBClusterStateFault",
          "InvalidDBInstanceState",
          "Throttling",
          "ThrottlingException",
          "RequestLimitExceeded",
          "InternalFailure",
          "ServiceUnavailable");

  private final Supplier<RdsClient> factory;
  private RdsClient client;

  private RdsSnapshots(Supplier<RdsClient> factory) {
    this.factory = factory;
  }

  /**
   * Snapshots through an RDS client with credentials from the SDK's default provider chain
   * (environment, system properties, profile, web identity, container or instance role).
   */
  public static RdsSnapshots connect(Optional<String> region, Optional<URI> endpoint) {
    return connect(region, endpoint, DefaultCredentialsProvider.builder().build());
  }

  /** Snapshots through an RDS client with the given credentials (tests use fixed fake ones). */
  public static RdsSnapshots connect(
      Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
    return new RdsSnapshots(
        () -> {
          var builder = RdsClient.builder().credentialsProvider(credentials);
          region.map(Region::of).ifPresent(builder::region);
          endpoint.ifPresent(builder::endpointOverride);
          // Alerting retries later itself (without holding up Slack), so the SDK must not.
          builder.overrideConfiguration(
              ClientOverrideConfiguration.builder()
                  .retryStrategy(DefaultRetryStrategy.doNotRetry())
                  .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                  .build());
          return builder.build();
        });
  }

  /** Requests the snapshot once. */
  public SnapshotResult create(SnapshotRequest request) {
    List<Tag> tags =
        List.of(
            Tag.builder().key(TAG_PRECURSOR_ID).value(tagValue(request.subjectId())).build(),
            Tag.builder().key(TAG_KIND).value(tagValue(request.kind())).build());
    try {
      if (request.scope() == SnapshotRequest.Scope.CLUSTER) {
        client()
            .createDBClusterSnapshot(
                r ->
                    r.dbClusterIdentifier(request.resource())
                        .dbClusterSnapshotIdentifier(request.identifier())
                        .tags(tags));
      } else {
        client()
            .createDBSnapshot(
                r ->
                    r.dbInstanceIdentifier(request.resource())
                        .dbSnapshotIdentifier(request.identifier())
                        .tags(tags));
      }
      return SnapshotResult.created();
    } catch (DbClusterSnapshotAlreadyExistsException | DbSnapshotAlreadyExistsException e) {
      return SnapshotResult.of(SnapshotResult.Status.ALREADY_EXISTS, describe(e));
    } catch (InvalidDbClusterStateException | InvalidDbInstanceStateException e) {
      return SnapshotResult.of(SnapshotResult.Status.RETRY_LATER, describe(e));
    } catch (AwsServiceException e) {
      boolean transientAnswer =
          e.isThrottlingException()
              || e.statusCode() >= 500
              || (e.awsErrorDetails() != null
                  && RETRYABLE_CODES.contains(e.awsErrorDetails().errorCode()));
      return SnapshotResult.of(
          transientAnswer ? SnapshotResult.Status.RETRY_LATER : SnapshotResult.Status.FAILED,
          describe(e));
    } catch (SdkClientException e) {
      // No answer at all (network, timeout): RDS may or may not have the request; asking again
      // with the same identifier is safe either way.
      return SnapshotResult.of(
          SnapshotResult.Status.RETRY_LATER, "no answer from RDS: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
    }
  }

  private synchronized RdsClient client() {
    if (client == null) {
      client = factory.get();
    }
    return client;
  }

  // Error code and message only: the SDK's full text can carry the request id and endpoint.
  private static String describe(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage();
    String text = (code + ": " + (message == null ? "" : message)).strip();
    return text.length() > 300 ? text.substring(0, 300) : text;
  }

  // RDS tag values: at most 256 Unicode letters, digits, spaces and _ . : / = + - @.
  private static String tagValue(String value) {
    String cleaned = value.replaceAll("[^\\p{L}\\p{N}\\s_.:/=+\\-@]", "_");
    return cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned;
  }
}
