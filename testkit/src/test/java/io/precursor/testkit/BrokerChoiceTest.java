package io.precursor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {

  private final AtomicInteger dockerProbes = new AtomicInteger();

  private BooleanSupplier docker(boolean answers) {
    return () -> {
      dockerProbes.incrementAndGet();
      return answers;
    };
  }

  @Test
  void shouldUseAKafkaContainerByDefaultWhenADockerDaemonAnswers() {
    BrokerChoice choice = BrokerChoice.decide(null, null, docker(true));

    assertThat(choice.kind()).isEqualTo(TestBroker.TESTCONTAINERS);
    assertThat(choice.reason()).isEqualTo("default mode auto, a Docker daemon answered");
  }

  @Test
  void shouldUseTheEmbeddedBrokerByDefaultWhenNoDockerDaemonAnswers() {
    BrokerChoice choice = BrokerChoice.decide(null, " ", docker(false));

    assertThat(choice.kind()).isEqualTo(TestBroker.EMBEDDED);
    assertThat(choice.reason()).isEqualTo("default mode auto, no Docker daemon answered");
  }

  @Test
  void shouldPreferTheSystemPropertyOverTheEnvironmentWithoutProbingDocker() {
    BrokerChoice choice = BrokerChoice.decide("Embedded", "testcontainers", docker(true));

    assertThat(choice.kind()).isEqualTo(TestBroker.EMBEDDED);
    assertThat(choice.reason()).isEqualTo("precursor.test.broker=Embedded");
    assertThat(dockerProbes).hasValue(0);
  }

  @Test
  void shouldUseTheEnvironmentVariableWhenNoPropertyIsSet() {
    BrokerChoice choice = BrokerChoice.decide(null, "testcontainers", docker(false));

    assertThat(choice.kind()).isEqualTo(TestBroker.TESTCONTAINERS);
    assertThat(choice.reason()).isEqualTo("PRECURSOR_TEST_BROKER=testcontainers");
    assertThat(dockerProbes).hasValue(0);
  }

  @Test
  void shouldProbeDockerWhenAutoIsAskedForExplicitly() {
    BrokerChoice choice = BrokerChoice.decide("auto", null, docker(false));

    assertThat(choice.kind()).isEqualTo(TestBroker.EMBEDDED);
    assertThat(choice.reason()).isEqualTo("precursor.test.broker=auto, no Docker daemon answered");
    assertThat(dockerProbes).hasValue(1);
  }

  @Test
  void shouldRejectAnUnknownModeNamingWhereItCameFrom() {
    assertThatThrownBy(() -> BrokerChoice.decide(null, "docker", docker(true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "PRECURSOR_TEST_BROKER=docker is not a test broker mode;"
                + " use embedded, testcontainers or auto");
  }
}
