package io.precursor.ingest.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointGateTest {

  private final CheckpointGate gate = new CheckpointGate();

  @Test
  void shouldStayOpenUntilShutAndKeepTheFirstCause() {
    assertThat(gate.isOpen()).isTrue();
    assertThat(gate.cause()).isEmpty();
    IllegalStateException first = new IllegalStateException("Kafka refused a record");

    gate.shut(first);
    gate.shut(new IllegalStateException("halting"));

    assertThat(gate.isOpen()).isFalse();
    assertThat(gate.cause()).containsSame(first);
  }

  @Test
  void shouldTellItsListenerOnceWhenShutAndAtOnceWhenAlreadyShut() {
    List<Throwable> told = new ArrayList<>();
    gate.whenShut(told::add);
    IllegalStateException cause = new IllegalStateException("batch failed");

    gate.shut(cause);
    gate.shut(new IllegalStateException("again"));
    List<Throwable> late = new ArrayList<>();
    gate.whenShut(late::add);

    assertThat(told).containsExactly(cause);
    assertThat(late).containsExactly(cause);
  }
}
