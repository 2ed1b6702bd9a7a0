package io.precursor.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.schemas.PrecursorKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PhrasingTest {

  @Test
  void shouldNameEveryPrecursorKindInWords() {
    for (PrecursorKind kind : PrecursorKind.values()) {
      assertThat(Phrasing.kind(kind)).isNotBlank().doesNotContain("_");
    }
  }

  @Test
  void shouldSayDurationsTheWayOnCallReadsThem() {
    assertThat(Phrasing.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(Phrasing.duration(Duration.ofSeconds(72))).isEqualTo("1 min 12 s");
    assertThat(Phrasing.duration(Duration.ofMinutes(23).plusSeconds(10))).isEqualTo("23 min");
    assertThat(Phrasing.duration(Duration.ofMinutes(65))).isEqualTo("1 h 05 min");
    assertThat(Phrasing.duration(Duration.ofHours(51))).isEqualTo("2 d 3 h");
  }

  @Test
  void shouldKeepCountsShort() {
    assertThat(Phrasing.count(950)).isEqualTo("950");
    assertThat(Phrasing.count(12_345)).isEqualTo("12.3K");
    assertThat(Phrasing.count(81_200_000)).isEqualTo("81.2M");
    assertThat(Phrasing.count(2_400_000_000L)).isEqualTo("2.4G");
  }

  @Test
  void shouldWriteTheDateOnceForASameDayWindow() {
    Instant start = Instant.parse("2026-03-03T23:50:00Z");

    assertThat(Phrasing.window(start, start.plusSeconds(300)))
        .isEqualTo("2026-03-03 23:50–23:55 UTC (5 min)");
    assertThat(Phrasing.window(start, start.plusSeconds(1200)))
        .isEqualTo("2026-03-03 23:50–2026-03-04 00:10 UTC (20 min)");
  }
}
