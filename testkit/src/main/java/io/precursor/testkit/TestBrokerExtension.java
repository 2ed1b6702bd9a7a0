package io.precursor.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test constructors and methods the JVM's shared {@link TestBroker}, or {@link
 * KafkaTestClients} bound to it: {@code @ExtendWith(TestBrokerExtension.class)}.
 */
public final class TestBrokerExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestBroker.class || type == KafkaTestClients.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestBroker broker = TestBrokers.shared();
    return parameter.getParameter().getType() == TestBroker.class
        ? broker
        : new KafkaTestClients(broker);
  }
}
