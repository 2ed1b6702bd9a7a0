package io.precursor.scenarios.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyframesTest {

  private static final Instant NINE = Instant.parse("2026-11-17T09:00:00Z");

  private final Keyframes memory =
      Keyframes.from(NINE, 12)
          .holdUntil(NINE.plusSeconds(600))
          .rampTo(NINE.plusSeconds(1200), 2)
          .stepTo(NINE.plusSeconds(1800), 20)
          .build();

  @Test
  void shouldBeFlatBeforeTheFirstAndAfterTheLastKeyframe() {
    assertThat(memory.at(NINE.minusSeconds(3600))).isEqualTo(12);
    assertThat(memory.at(NINE.plusSeconds(7200))).isEqualTo(20);
  }

  @Test
  void shouldInterpolateLinearlyOnARamp() {
    assertThat(memory.at(NINE.plusSeconds(300))).isEqualTo(12);
    assertThat(memory.at(NINE.plusSeconds(900))).isEqualTo(7);
  }

  @Test
  void shouldHoldUntilAStepThenJump() {
    assertThat(memory.at(NINE.plusSeconds(1799))).isEqualTo(2);
    assertThat(memory.at(NINE.plusSeconds(1800))).isEqualTo(20);
  }

  @Test
  void shouldRefuseKeyframesThatGoBackInTime() {
    assertThatThrownBy(() -> Keyframes.from(NINE, 1).rampTo(NINE.minusSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("back in time");
  }

  @Test
  void shouldDeriveTheSameSeedEveryTimeAndDifferentSeedsForDifferentNames() {
    assertThat(Seeds.derive(0, "ads-prod-1/FreeableMemory"))
        .isEqualTo(Seeds.derive(0, "ads-prod-1/FreeableMemory"))
        .isNotEqualTo(Seeds.derive(0, "ads-prod-2/FreeableMemory"))
        .isNotEqualTo(Seeds.derive(1, "ads-prod-1/FreeableMemory"));
    assertThat(Seeds.uniform(7, 42)).isEqualTo(Seeds.uniform(7, 42)).isBetween(0.0, 1.0);
  }
}
