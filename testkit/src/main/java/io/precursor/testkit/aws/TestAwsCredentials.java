package io.precursor.testkit.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The fixed fake credentials real SDK clients sign with when they talk to the local stand-ins. */
public final class TestAwsCredentials {

  public static final String ACCESS_KEY_ID = "AKIDPRECURSORTEST";

  public static final AwsCredentialsProvider PROVIDER =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create(ACCESS_KEY_ID, "not-a-secret-only-for-tests"));

  private TestAwsCredentials() {}
}
