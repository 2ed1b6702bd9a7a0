package io.precursor.testkit;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Which kind of broker the tests of this JVM get, and why, from the configured mode. */
record BrokerChoice(String kind, String reason) {

  static final String PROPERTY = "precursor.test.broker";
  static final String ENVIRONMENT_VARIABLE = "PRECURSOR_TEST_BROKER";

  /**
   * Decides from the system property, else the environment variable, else {@code auto}; Docker is
   * probed only in {@code auto} mode.
   */
  static BrokerChoice decide(String property, String environment, BooleanSupplier dockerAvailable) {
    String origin;
    String mode;
    if (isSet(property)) {
      origin = PROPERTY + "=" + property;
      mode = property;
    } else if (isSet(environment)) {
      origin = ENVIRONMENT_VARIABLE + "=" + environment;
      mode = environment;
    } else {
      origin = "default mode auto";
      mode = "auto";
    }
    return switch (mode.trim().toLowerCase(Locale.ROOT)) {
      case TestBroker.EMBEDDED -> new BrokerChoice(TestBroker.EMBEDDED, origin);
      case TestBroker.TESTCONTAINERS -> new BrokerChoice(TestBroker.TESTCONTAINERS, origin);
      case "auto" ->
          dockerAvailable.getAsBoolean()
              ? new BrokerChoice(TestBroker.TESTCONTAINERS, origin + ", a Docker daemon answered")
              : new BrokerChoice(TestBroker.EMBEDDED, origin + ", no Docker daemon answered");
      default ->
          throw new IllegalArgumentException(
              origin
                  + " is not a test broker mode; use "
                  + TestBroker.EMBEDDED
                  + ", "
                  + TestBroker.TESTCONTAINERS
                  + " or auto");
    };
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
