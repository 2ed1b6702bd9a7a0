package io.precursor.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(2));

  @Test
  void shouldDoubleTheBaseAfterEachFailureUpToTheCap() {
    assertThat(policy.backoff(1, 0.999999)).isEqualTo(Duration.ofMillis(499));
    assertThat(policy.backoff(2, 0.999999)).isEqualTo(Duration.ofMillis(999));
    assertThat(policy.backoff(3, 0.999999)).isEqualTo(Duration.ofMillis(1999));
    assertThat(policy.backoff(9, 0.999999)).isEqualTo(Duration.ofMillis(7999));
    assertThat(policy.backoff(60, 0.999999)).isEqualTo(Duration.ofMillis(7999));
  }

  @Test
  void shouldJitterWithinTheUpperHalfOfTheBase() {
    assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void shouldRefuseBoundsThatContradictEachOther() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(
            () -> new RetryPolicy(3, Duration.ofSeconds(9), Duration.ofSeconds(8), Duration.ZERO))
        .hasMessageContaining("initialBackoff");
  }
}
