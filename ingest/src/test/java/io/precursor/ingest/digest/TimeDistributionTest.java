package io.precursor.ingest.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeDistributionTest {

  @Test
  void shouldGiveTheNearestRankPercentileExactlyForFewValues() {
    TimeDistribution distribution = new TimeDistribution();
    for (int i = 20; i >= 1; i--) {
      distribution.add(i / 10.0); // 0.1 .. 2.0, added out of order
    }

    assertThat(distribution.isExact()).isTrue();
    assertThat(distribution.percentile(0.95)).isEqualTo(1.9); // rank ceil(0.95 * 20) = 19
    assertThat(distribution.percentile(1.0)).isEqualTo(2.0);
    assertThat(distribution.percentile(0.01)).isEqualTo(0.1);
  }

  @Test
  void shouldStayExactUpToTheLimit() {
    TimeDistribution distribution = new TimeDistribution();
    for (int i = 1; i <= TimeDistribution.EXACT_LIMIT; i++) {
      distribution.add(i * 0.001);
    }

    assertThat(distribution.isExact()).isTrue();
    assertThat(distribution.percentile(0.95)).isEqualTo(973 * 0.001); // ceil(0.95 * 1024) = 973
  }

  @Test
  void shouldStayWithinHalfAPercentOfTheExactPercentileOnceBucketed() {
    SplittableRandom random = new SplittableRandom(7);
    TimeDistribution distribution = new TimeDistribution();
    double[] values = new double[100_000];
    for (int i = 0; i < values.length; i++) {
      // log-normal around 50 ms, from microseconds to minutes, as slow query times spread
      double gaussian =
          Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
      values[i] = Math.round(0.05 * Math.exp(2 * gaussian) * 1e6) / 1e6;
      distribution.add(values[i]);
    }
    Arrays.sort(values);

    assertThat(distribution.isExact()).isFalse();
    assertThat(distribution.count()).isEqualTo(100_000);
    for (double fraction : new double[] {0.5, 0.9, 0.95, 0.99, 1.0}) {
      double exact = values[(int) Math.ceil(fraction * values.length) - 1];
      assertThat(distribution.percentile(fraction))
          .as("p%s", fraction * 100)
          .isCloseTo(exact, within(exact * TimeDistribution.MAX_RELATIVE_ERROR + 1e-12));
    }
  }

  @Test
  void shouldCountZerosExactlyWhenBucketed() {
    TimeDistribution distribution = new TimeDistribution();
    for (int i = 0; i < 2000; i++) {
      distribution.add(i < 1950 ? 0 : 0.5); // Lock_time: mostly zero
    }

    assertThat(distribution.isExact()).isFalse();
    assertThat(distribution.percentile(0.95)).isZero(); // rank 1900 is a zero
    assertThat(distribution.percentile(0.99)).isCloseTo(0.5, within(0.5 * 0.005));
  }

  @Test
  void shouldTakeNegativeValuesAsZeroAndAnEmptyDistributionAsZero() {
    TimeDistribution distribution = new TimeDistribution();

    assertThat(distribution.percentile(0.95)).isZero();
    distribution.add(-1);
    assertThat(distribution.percentile(1.0)).isZero();
  }

  @Test
  void shouldRefuseAFractionOutsideZeroToOne() {
    TimeDistribution distribution = new TimeDistribution();

    assertThatThrownBy(() -> distribution.percentile(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> distribution.percentile(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
