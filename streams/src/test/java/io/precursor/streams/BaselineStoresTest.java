package io.precursor.streams;

import static io.precursor.streams.Signals.GIB;
import static io.precursor.streams.Signals.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.streams.baseline.BaselineKeeper;
import io.precursor.streams.baseline.Level;
import io.precursor.streams.baseline.SeriesBaseline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the baseline keeper keeps a series: the buckets that can take no more data in the stored
 * series, written once per bucket; the rest open, in memory.
 */
class BaselineStoresTest {

  private static final Instant T0 = Instant.parse("2026-11-17T08:00:00Z");
  private static final long BUCKET = Duration.ofMinutes(10).toMillis();
  private static final long HORIZON = Duration.ofHours(6).toMillis();
  private static final String MEMORY = WRITER + "|m|FreeableMemory";
  private static final String CPU = WRITER + "|m|CPUUtilization";

  private final TopologyFixture topology = new TopologyFixture();

  @AfterEach
  void stop() {
    topology.close();
  }

  @Test
  void shouldStoreTheBucketsPastTheGraceAndHoldTheOthersOpen() {
    for (int minute = 0; minute < 60; minute++) {
      memory(minute, 12.0);
    }

    // stream time 08:59, grace 5 min: the buckets that ended by 08:54 (08:00 to 08:40) are final
    assertThat(buckets(stored(MEMORY))).isEqualTo(5);
    assertThat(stored(MEMORY).level(at(60).toEpochMilli(), BUCKET, HORIZON, 1, 0, List.of()))
        .contains(new Level(12.0 * GIB, 0, 5));
    // 08:50 may still take a late datapoint
    assertThat(buckets(open(MEMORY))).isEqualTo(1);
    assertThat(open(MEMORY).level(at(60).toEpochMilli(), BUCKET, HORIZON, 1, 0, List.of()))
        .contains(new Level(12.0 * GIB, 0, 1));
  }

  @Test
  void shouldCountADatapointLateWithinTheGraceInItsOpenBucket() {
    for (int minute = 0; minute < 13; minute++) {
      if (minute != 8) {
        memory(minute, 12.0);
      }
    }
    memory(8, 2.0); // two minutes late, within the grace: bucket 08:00 is still open

    assertThat(stored(MEMORY)).isNull();
    assertThat(open(MEMORY).level(at(20).toEpochMilli(), BUCKET, HORIZON, 1, 0, List.of()))
        .map(Level::median)
        .contains(((9 * 12.0 + 2.0) / 10 + 12.0 * 3 / 3) / 2 * GIB);
  }

  @Test
  void shouldStoreTheLastBucketOfASeriesThatGetsNoMoreData() {
    for (int minute = 0; minute < 20; minute++) {
      cpu(minute, 30);
    }
    // then CPU stops reporting; only memory moves stream time on, for a horizon (6 h)
    for (int minute = 20; minute < 20 + 360; minute++) {
      memory(minute, 12.0);
    }

    // CPU's buckets (08:00, 08:10) ended long ago, and nothing is left open for it
    assertThat(open(CPU)).isNull();
    assertThat(stored(CPU).level(at(30).toEpochMilli(), BUCKET, HORIZON, 1, 0, List.of()))
        .contains(new Level(30, 0, 2));
  }

  private SeriesBaseline stored(String key) {
    KeyValueStore<String, SeriesBaseline> store =
        topology.driver.getKeyValueStore(BaselineKeeper.BASELINES);
    return store.get(key);
  }

  private SeriesBaseline open(String key) {
    KeyValueStore<String, SeriesBaseline> store =
        topology.driver.getKeyValueStore(BaselineKeeper.OPEN_BUCKETS);
    return store.get(key);
  }

  /** Buckets of the series, whatever their means. */
  private static int buckets(SeriesBaseline series) {
    Optional<Level> all =
        series.level(at(600).toEpochMilli(), BUCKET, HORIZON * 2, 1, 0, List.of());
    return all.map(Level::buckets).orElse(0);
  }

  private void cpu(int minute, double percent) {
    topology.pipe(Signals.metric("CPUUtilization", at(minute), percent));
  }

  private void memory(int minute, double gib) {
    topology.pipe(Signals.metric("FreeableMemory", at(minute), gib * GIB));
  }

  private static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }
}
