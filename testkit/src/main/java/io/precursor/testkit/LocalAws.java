package io.precursor.testkit;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * What clients of the local AWS stand-ins share: the region, fake credentials, and the system
 * properties through which code that uses the SDK's default credentials chain finds them.
 */
public final class LocalAws {

  /** The region every local stand-in answers in. */
  public static final Region REGION = Region.US_EAST_1;

  /** The fake access key id; kinesis-local accepts any, and this one is nobody's account. */
  public static final String ACCESS_KEY_ID = "precursor-local";

  private static final String SECRET_ACCESS_KEY = "precursor-local-secret";

  // kinesis-local is one Node.js process: on a machine busy with builds a large PutRecords can take
  // tens of seconds, so a test's client waits long and retries rather than failing on the SDK's
  // 30 s read timeout.
  private static final Duration LOCAL_READ_TIMEOUT = Duration.ofSeconds(120);
  private static final int LOCAL_MAX_ATTEMPTS = 5;

  private LocalAws() {}

  /**
   * Sets the fake credentials as the system properties {@code aws.accessKeyId} and {@code
   * aws.secretAccessKey}, which the SDK's default credentials chain reads first, so code under test
   * resolves credentials the way it does in production.
   */
  public static void useFakeCredentialsForDefaultChain() {
    System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", SECRET_ACCESS_KEY);
  }

  /** Static fake credentials, for clients the tests build themselves. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
  }

  static KinesisAsyncClient kinesisClient(URI endpoint) {
    return KinesisAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(credentials())
        // The local endpoint is plain http://, where the SDK's default HTTP/2 cannot negotiate.
        .httpClientBuilder(
            NettyNioAsyncHttpClient.builder()
                .protocol(Protocol.HTTP1_1)
                .readTimeout(LOCAL_READ_TIMEOUT)
                .writeTimeout(LOCAL_READ_TIMEOUT))
        .overrideConfiguration(
            o ->
                o.apiCallAttemptTimeout(LOCAL_READ_TIMEOUT)
                    .retryStrategy(r -> r.maxAttempts(LOCAL_MAX_ATTEMPTS)))
        .build();
  }
}
