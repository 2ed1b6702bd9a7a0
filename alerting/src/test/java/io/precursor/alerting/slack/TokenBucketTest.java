package io.precursor.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final ManualTime time = new ManualTime(Instant.parse("2026-03-03T09:00:00Z"));

  @Test
  void shouldLetABurstThroughThenPaceTheRest() throws Exception {
    TokenBucket bucket = new TokenBucket(1.0, 3, time);

    for (int i = 0; i < 3; i++) {
      assertThat(bucket.acquire()).isZero();
    }
    assertThat(bucket.acquire()).isEqualTo(Duration.ofSeconds(1));
    assertThat(bucket.acquire()).isEqualTo(Duration.ofSeconds(1));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void shouldRefillWithTimeButNeverBeyondTheBurst() throws Exception {
    TokenBucket bucket = new TokenBucket(2.0, 2, time);
    bucket.acquire();
    bucket.acquire();

    time.advance(Duration.ofMinutes(10));

    assertThat(bucket.acquire()).isZero();
    assertThat(bucket.acquire()).isZero();
    assertThat(bucket.acquire()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void shouldHoldEveryCallerUntilAPauseEnds() throws Exception {
    TokenBucket bucket = new TokenBucket(1.0, 5, time);

    bucket.pauseUntil(time.now().plusSeconds(30));

    assertThat(bucket.acquire()).isEqualTo(Duration.ofSeconds(30));
    assertThat(time.now()).isEqualTo(Instant.parse("2026-03-03T09:00:30Z"));
  }
}
