package io.precursor.testkit.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The fixed fake credentials real SDK clients sign with when they talk to the local stand-ins. */
public final class TestAwsCredentials {

  public static final String ACCESS_KEY_ID = "AKIDPRECURSORTEST";

  private static final String SECRET_ACCESS_KEY = "not-a-secret-only-for-tests";

  public static final AwsCredentialsProvider PROVIDER =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));

  private TestAwsCredentials() {}

  /**
   * Sets these credentials as the system properties {@code aws.accessKeyId} and {@code
   * aws.secretAccessKey}, which the SDK's default chain reads first, for code under test that finds
   * credentials the way it does in production.
   */
  public static void useForDefaultChain() {
    System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", SECRET_ACCESS_KEY);
  }
}
