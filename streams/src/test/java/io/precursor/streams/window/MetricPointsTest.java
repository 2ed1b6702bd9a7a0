package io.precursor.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricPointsTest {

  @Test
  void shouldKeepOnePointPerTimeInTimeOrderWhateverTheOrderAdded() {
    MetricPoints points = new MetricPoints(1);

    points.put(300, 3);
    points.put(100, 1);
    points.put(500, 5);
    points.put(200, 2);
    points.put(300, 30); // revised

    assertThat(points).hasToString("{100=1.0, 200=2.0, 300=30.0, 500=5.0}");
    assertThat(points.containsTime(200)).isTrue();
    assertThat(points.containsTime(400)).isFalse();
  }

  @Test
  void shouldLetTheLaterPointsWinWhenMergedAndLeaveACopyAlone() {
    MetricPoints earlier = new MetricPoints();
    earlier.put(100, 1);
    earlier.put(200, 2);
    MetricPoints later = new MetricPoints();
    later.put(200, 20);
    later.put(50, 0.5);

    MetricPoints merged = earlier.copy();
    merged.putAll(later);

    assertThat(merged).hasToString("{50=0.5, 100=1.0, 200=20.0}");
    assertThat(earlier).hasToString("{100=1.0, 200=2.0}");
  }
}
