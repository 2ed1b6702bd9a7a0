package io.precursor.testkit;

import org.testcontainers.kafka.KafkaContainer;

/** A test broker running in a Docker container, a native KRaft single node. */
final class ContainerTestBroker implements TestBroker {

  static final String IMAGE = "apache/kafka:4.1.0";

  private final KafkaContainer container;

  private ContainerTestBroker(KafkaContainer container) {
    this.container = container;
  }

  static ContainerTestBroker start() {
    KafkaContainer container =
        new KafkaContainer(IMAGE)
            // Same behaviour as the embedded broker, so a test passes or fails on both alike.
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_NUM_PARTITIONS", "1")
            // Records carry their (often weeks-old) event time: no time-based retention.
            .withEnv("KAFKA_LOG_RETENTION_MS", "-1")
            .withEnv("KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS", "86400000");
    try {
      container.start();
    } catch (RuntimeException e) {
      container.close();
      throw new IllegalStateException(
          "Testcontainers could not start " + IMAGE + " (is a Docker daemon running?): " + e, e);
    }
    return new ContainerTestBroker(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public String kind() {
    return TESTCONTAINERS;
  }

  @Override
  public void close() {
    container.close();
  }
}
