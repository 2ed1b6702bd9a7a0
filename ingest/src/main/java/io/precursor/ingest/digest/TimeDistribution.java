package io.precursor.ingest.digest;

import java.util.Arrays;

/**
 * The durations of one query class (Query_time or Lock_time, in seconds), kept so that a percentile
 * can be read in bounded memory.
 *
 * <p>Up to {@link #EXACT_LIMIT} values are kept as they are and a percentile is exact (nearest
 * rank). Past that, values fall into logarithmic buckets {@link #BUCKET_GROWTH} wide, and a
 * percentile is the geometric middle of the bucket that holds the nearest-rank value: within {@link
 * #MAX_RELATIVE_ERROR} (0.5%) of the exact answer for durations of a microsecond or more (the slow
 * log's resolution), in at most a few thousand buckets however many values there are. Zero
 * (Lock_time is usually 0) is counted on its own and is exact.
 */
public final class TimeDistribution {

  /** How many values are kept exactly before switching to buckets. */
  public static final int EXACT_LIMIT = 1024;

  /** Each bucket's upper bound over its lower bound. */
  public static final double BUCKET_GROWTH = 1.01;

  /** The largest relative error of a percentile read from buckets: half a bucket, geometrically. */
  public static final double MAX_RELATIVE_ERROR = Math.sqrt(BUCKET_GROWTH) - 1;

  // The slow log has microsecond resolution; smaller positive values share the lowest bucket.
  private static final double SMALLEST = 1e-6;
  private static final double LOG_GROWTH = Math.log(BUCKET_GROWTH);

  private double[] exact = new double[8];
  private long count;
  private long zeros;
  private long[] buckets;
  private int firstBucket;

  /** Records one duration; negative values are not durations and count as zero. */
  public void add(double seconds) {
    double value = seconds > 0 ? seconds : 0;
    if (buckets == null) {
      if (count == exact.length) {
        if (count == EXACT_LIMIT) {
          switchToBuckets();
          addToBuckets(value);
          count++;
          return;
        }
        exact = Arrays.copyOf(exact, exact.length * 2);
      }
      exact[(int) count] = value;
    } else {
      addToBuckets(value);
    }
    count++;
  }

  public long count() {
    return count;
  }

  /** Whether percentiles are exact, i.e. no more than {@link #EXACT_LIMIT} values were added. */
  public boolean isExact() {
    return buckets == null;
  }

  /**
   * The nearest-rank percentile: the smallest recorded value that at least {@code fraction} of the
   * values are less than or equal to; 0 when nothing was recorded.
   *
   * @param fraction e.g. 0.95 for the 95th percentile, in (0, 1]
   */
  public double percentile(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
    }
    if (count == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(fraction * count);
    if (buckets == null) {
      double[] sorted = Arrays.copyOf(exact, (int) count);
      Arrays.sort(sorted);
      return sorted[(int) rank - 1];
    }
    if (rank <= zeros) {
      return 0;
    }
    long seen = zeros;
    for (int i = 0; i < buckets.length; i++) {
      seen += buckets[i];
      if (seen >= rank) {
        return middleOf(firstBucket + i);
      }
    }
    throw new IllegalStateException("bucket counts do not add up to " + count);
  }

  private void switchToBuckets() {
    buckets = new long[0];
    for (int i = 0; i < count; i++) {
      addToBuckets(exact[i]);
    }
    exact = null;
  }

  private void addToBuckets(double value) {
    if (value == 0) {
      zeros++;
      return;
    }
    int index = bucketOf(value);
    if (buckets.length == 0) {
      buckets = new long[1];
      firstBucket = index;
    } else if (index < firstBucket) {
      long[] wider = new long[buckets.length + (firstBucket - index)];
      System.arraycopy(buckets, 0, wider, firstBucket - index, buckets.length);
      buckets = wider;
      firstBucket = index;
    } else if (index >= firstBucket + buckets.length) {
      buckets = Arrays.copyOf(buckets, index - firstBucket + 1);
    }
    buckets[index - firstBucket]++;
  }

  // Bucket i holds [SMALLEST * GROWTH^i, SMALLEST * GROWTH^(i+1)).
  private static int bucketOf(double value) {
    return value <= SMALLEST ? 0 : (int) Math.floor(Math.log(value / SMALLEST) / LOG_GROWTH);
  }

  private static double middleOf(int bucket) {
    return SMALLEST * Math.exp((bucket + 0.5) * LOG_GROWTH);
  }
}
