package io.precursor.testkit;

import io.precursor.embedded.EmbeddedKafkaBroker;

/** A test broker running in this JVM. */
final class EmbeddedTestBroker implements TestBroker {

  private final EmbeddedKafkaBroker broker;

  private EmbeddedTestBroker(EmbeddedKafkaBroker broker) {
    this.broker = broker;
  }

  static EmbeddedTestBroker start() {
    return new EmbeddedTestBroker(EmbeddedKafkaBroker.start());
  }

  @Override
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public String kind() {
    return EMBEDDED;
  }

  @Override
  public void close() {
    broker.close();
  }
}
