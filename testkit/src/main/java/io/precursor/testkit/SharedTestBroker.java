package io.precursor.testkit;

/** The JVM-wide broker as tests see it: usable by all, closed only by the JVM's shutdown hook. */
final class SharedTestBroker implements TestBroker {

  private final TestBroker broker;

  SharedTestBroker(TestBroker broker) {
    this.broker = broker;
  }

  @Override
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public String kind() {
    return broker.kind();
  }

  /** Refuses: one test closing the shared broker would break every test after it. */
  @Override
  public void close() {
    throw new UnsupportedOperationException(
        "the shared test broker is closed when the JVM exits; do not close it in a test");
  }
}
