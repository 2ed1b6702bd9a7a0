package io.precursor.testkit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one test broker of this JVM, started on first use and stopped when the JVM exits; its kind
 * comes from the system property {@code precursor.test.broker} or the environment variable {@code
 * PRECURSOR_TEST_BROKER}: {@code embedded}, {@code testcontainers} or {@code auto} (the default: a
 * Kafka container when a Docker daemon answers, the embedded broker otherwise).
 */
public final class TestBrokers {

  private static final Logger LOG = LoggerFactory.getLogger(TestBrokers.class);

  private static TestBroker shared;
  private static RuntimeException startFailure;

  private TestBrokers() {}

  /** Returns this JVM's broker, starting it on the first call; closing it is refused. */
  public static synchronized TestBroker shared() {
    // One failed start is reported to every test instead of being retried, slowly, by each.
    if (startFailure != null) {
      throw new IllegalStateException("the shared test broker failed to start", startFailure);
    }
    if (shared == null) {
      try {
        TestBroker started = start();
        Runtime.getRuntime()
            .addShutdownHook(new Thread(started::close, "precursor-test-broker-shutdown"));
        shared = new SharedTestBroker(started);
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shared;
  }

  private static TestBroker start() {
    long choosing = System.nanoTime();
    BrokerChoice choice =
        BrokerChoice.decide(
            System.getProperty(BrokerChoice.PROPERTY),
            System.getenv(BrokerChoice.ENVIRONMENT_VARIABLE),
            // Without a daemon Testcontainers answers in about a second and logs its attempts.
            () -> DockerClientFactory.instance().isDockerAvailable());
    long starting = System.nanoTime();
    TestBroker broker =
        TestBroker.TESTCONTAINERS.equals(choice.kind())
            ? ContainerTestBroker.start()
            : EmbeddedTestBroker.start();
    LOG.info(
        "Test broker: {} at {} ({}; chosen in {} ms, started in {} ms)",
        broker.kind(),
        broker.bootstrapServers(),
        choice.reason(),
        Duration.ofNanos(starting - choosing).toMillis(),
        Duration.ofNanos(System.nanoTime() - starting).toMillis());
    return broker;
  }
}
