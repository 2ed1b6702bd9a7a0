package io.precursor.testkit;

/** A running Kafka broker that integration tests connect to, however it was started. */
public interface TestBroker extends AutoCloseable {

  /** The kind of a broker running in the test JVM itself. */
  String EMBEDDED = "embedded";

  /** The kind of a broker running in a Docker container started by Testcontainers. */
  String TESTCONTAINERS = "testcontainers";

  /** The {@code bootstrap.servers} value for clients. */
  String bootstrapServers();

  /** {@value #EMBEDDED} or {@value #TESTCONTAINERS}. */
  String kind();

  /** Stops the broker; later calls do nothing. */
  @Override
  void close();
}
