package io.precursor.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeriesBaselineTest {

  private static final long BUCKET = 600_000;
  private static final long HORIZON = 6 * BUCKET;
  private static final long T0 = 1_794_906_000_000L;

  /** Buckets 0..n-1 from T0, each holding the given values. */
  private static SeriesBaseline baselineOf(double[][] valuesPerBucket) {
    SeriesBaseline baseline = new SeriesBaseline();
    for (int b = 0; b < valuesPerBucket.length; b++) {
      for (double value : valuesPerBucket[b]) {
        baseline.add(T0 + b * BUCKET + 1_000, value, BUCKET, HORIZON);
      }
    }
    return baseline;
  }

  private static Optional<Level> levelAt(
      SeriesBaseline baseline, long asOf, int minBuckets, long since, List<long[]> excluded) {
    return baseline.level(asOf, BUCKET, HORIZON, minBuckets, since, excluded);
  }

  @Test
  void shouldGiveTheMedianAndMedianAbsoluteDeviationOfAnOddNumberOfBucketMeans() {
    // Bucket means 10, 2, 7, 100, 4 (the first from 5 and 15).
    SeriesBaseline baseline = baselineOf(new double[][] {{5, 15}, {2}, {7}, {100}, {4}});

    Optional<Level> level = levelAt(baseline, T0 + 5 * BUCKET, 3, 0, List.of());

    // Sorted means 2 4 7 10 100: median 7; deviations 5 3 0 3 93, sorted 0 3 3 5 93: MAD 3.
    assertThat(level).contains(new Level(7, 3, 5));
  }

  @Test
  void shouldAverageTheMiddleTwoOfAnEvenNumberOfBucketMeans() {
    SeriesBaseline baseline = baselineOf(new double[][] {{1}, {9}, {3}, {5}});

    Optional<Level> level = levelAt(baseline, T0 + 4 * BUCKET, 3, 0, List.of());

    // Sorted means 1 3 5 9: median 4; deviations 3 5 1 1, sorted 1 1 3 5: MAD 2.
    assertThat(level).contains(new Level(4, 2, 4));
  }

  @Test
  void shouldLeaveOutTheBucketStillOpenAtTheMomentAsked() {
    SeriesBaseline baseline = baselineOf(new double[][] {{1}, {2}, {3}, {1_000}});

    // As of the middle of the fourth bucket, it has not ended: only 1, 2, 3 count.
    Optional<Level> level = levelAt(baseline, T0 + 3 * BUCKET + BUCKET / 2, 3, 0, List.of());

    assertThat(level).contains(new Level(2, 1, 3));
  }

  @Test
  void shouldLeaveOutExcludedPeriodsAndBucketsBeforeSince() {
    SeriesBaseline baseline = baselineOf(new double[][] {{50}, {1}, {500}, {3}, {5}});
    List<long[]> incident = List.of(new long[] {T0 + 2 * BUCKET + 1, T0 + 2 * BUCKET + 2});

    Optional<Level> level = levelAt(baseline, T0 + 5 * BUCKET, 3, T0 + BUCKET, incident);

    // The first bucket began before since and the third overlaps the incident: 1, 3, 5 are left.
    assertThat(level).contains(new Level(3, 2, 3));
  }

  @Test
  void shouldHaveNoLevelWithFewerBucketsThanTheMinimum() {
    SeriesBaseline baseline = baselineOf(new double[][] {{1}, {2}, {3}});

    assertThat(levelAt(baseline, T0 + 3 * BUCKET, 4, 0, List.of())).isEmpty();
    assertThat(levelAt(baseline, T0 + 3 * BUCKET, 3, 0, List.of())).isPresent();
  }

  @Test
  void shouldCountABucketHeldPartlyStoredAndPartlyOpenOnceWithBothParts() {
    // A series an earlier release stored with its open bucket, and the rest of that bucket open.
    SeriesBaseline stored = baselineOf(new double[][] {{1}, {2}, {10}});
    SeriesBaseline open = new SeriesBaseline();
    open.add(T0 + 2 * BUCKET + 2_000, 20, BUCKET, HORIZON);
    open.add(T0 + 3 * BUCKET + 1_000, 3, BUCKET, HORIZON);

    Optional<Level> level =
        SeriesBaseline.level(stored, open, T0 + 4 * BUCKET, BUCKET, HORIZON, 3, 0, List.of());

    // Bucket means 1, 2, (10 + 20) / 2 = 15, 3: sorted 1 2 3 15, median 2.5, MAD 1.
    assertThat(level).contains(new Level(2.5, 1, 4));
  }

  @Test
  void shouldMoveEndedBucketsAndDropThoseBeyondTheHorizonWhenAbsorbed() {
    SeriesBaseline open = baselineOf(new double[][] {{1}, {2}, {3}});

    SeriesBaseline ended = open.takeBucketsEndingBy(T0 + 2 * BUCKET, BUCKET);
    SeriesBaseline stored = new SeriesBaseline();
    stored.add(T0 - 5 * BUCKET, 100, BUCKET, HORIZON);
    stored.absorb(ended, BUCKET, 2 * BUCKET);

    // The first two buckets moved; the stored one five buckets back is past a two-bucket horizon.
    assertThat(open.level(T0 + 3 * BUCKET, BUCKET, HORIZON, 1, 0, List.of()))
        .contains(new Level(3, 0, 1));
    assertThat(stored.level(T0 + 2 * BUCKET, BUCKET, HORIZON, 1, 0, List.of()))
        .contains(new Level(1.5, 0.5, 2));
    assertThat(stored.level(T0 - 4 * BUCKET, BUCKET, HORIZON, 1, 0, List.of())).isEmpty();
    assertThat(open.takeBucketsEndingBy(T0 + 2 * BUCKET, BUCKET)).isNull();
  }
}
