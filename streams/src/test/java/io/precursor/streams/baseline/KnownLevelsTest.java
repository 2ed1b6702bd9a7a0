package io.precursor.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KnownLevelsTest {

  private static final long MINUTE = 60_000;
  private static final long BUCKET = 10 * MINUTE;
  private static final long T0 = 1_794_906_000_000L; // a bucket start
  private static final BaselineSettings SETTINGS =
      new BaselineSettings(BUCKET, 36 * BUCKET, 3, 15 * MINUTE, 5 * MINUTE);

  @Test
  void shouldWorkALevelOutOnceForMomentsThatReadTheSameBuckets() {
    SeriesBaseline series = new SeriesBaseline();
    for (int b = 0; b < 6; b++) {
      series.add(T0 + b * BUCKET + MINUTE, 10 + b, BUCKET, 36 * BUCKET);
    }
    List<String> lookups = new ArrayList<>();
    Function<String, SeriesBaseline> stored =
        key -> {
          lookups.add(key);
          return series;
        };
    KnownLevels levels = new KnownLevels();

    // moments a minute apart, all after bucket 4 ended and before bucket 5 did: buckets 0-4
    List<Level> seen = new ArrayList<>();
    for (long asOf = T0 + 5 * BUCKET + MINUTE; asOf < T0 + 6 * BUCKET; asOf += MINUTE) {
      seen.add(baselinesAt(asOf, stored, levels).metric("CPUUtilization").orElseThrow());
    }
    // once bucket 5 has ended, it is read too: worked out again
    Level later =
        baselinesAt(T0 + 6 * BUCKET, stored, levels).metric("CPUUtilization").orElseThrow();

    assertThat(seen).containsOnly(new Level(12, 1, 5));
    assertThat(later).isEqualTo(new Level(12.5, 1.5, 6));
    assertThat(lookups).hasSize(2);
  }

  @Test
  void shouldKeepAFingerprintsLevelApartFromAMetricsAndReadItOnceByItsKey() {
    // given a metric's series and two fingerprints', each read by its own store key
    SeriesBaseline cpu = new SeriesBaseline();
    SeriesBaseline rows = new SeriesBaseline();
    SeriesBaseline otherRows = new SeriesBaseline();
    for (int b = 0; b < 6; b++) {
      cpu.add(T0 + b * BUCKET + MINUTE, 10 + b, BUCKET, 36 * BUCKET);
      rows.add(T0 + b * BUCKET + MINUTE, 1_000 * (b + 1), BUCKET, 36 * BUCKET);
      otherRows.add(T0 + b * BUCKET + MINUTE, 7, BUCKET, 36 * BUCKET);
    }
    List<String> lookups = new ArrayList<>();
    Function<String, SeriesBaseline> stored =
        key -> {
          lookups.add(key);
          if (key.equals(BaselineKeeper.metricKey("i-1", "CPUUtilization"))) {
            return cpu;
          }
          return key.equals(BaselineKeeper.fingerprintKey("i-1", 42L)) ? rows : otherRows;
        };
    KnownLevels levels = new KnownLevels();

    // when both are asked for at moments that read the same buckets, the fingerprint twice
    List<Level> fingerprint = new ArrayList<>();
    for (long asOf = T0 + 5 * BUCKET + MINUTE;
        asOf < T0 + 5 * BUCKET + 4 * MINUTE;
        asOf += MINUTE) {
      StoredBaselines baselines = baselinesAt(asOf, stored, levels);
      assertThat(baselines.metric("CPUUtilization")).contains(new Level(12, 1, 5));
      fingerprint.add(baselines.rowsExaminedPerExecution(42L).orElseThrow());
      assertThat(baselines.rowsExaminedPerExecution(43L)).contains(new Level(7, 0, 5));
      fingerprint.add(baselines.rowsExaminedPerExecution(42L).orElseThrow());
    }

    // then each series was read once, by its own key, and none took another's level
    assertThat(fingerprint).containsOnly(new Level(3_000, 1_000, 5));
    assertThat(lookups)
        .containsExactly(
            BaselineKeeper.metricKey("i-1", "CPUUtilization"),
            BaselineKeeper.fingerprintKey("i-1", 42L),
            BaselineKeeper.fingerprintKey("i-1", 43L));
  }

  private static StoredBaselines baselinesAt(
      long asOf, Function<String, SeriesBaseline> stored, KnownLevels levels) {
    return new StoredBaselines(stored, key -> null, null, "i-1", asOf, SETTINGS, levels);
  }
}
