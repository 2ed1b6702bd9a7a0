package io.precursor.streams.baseline;

/**
 * How baselines are kept.
 *
 * @param bucketMillis history is kept as the mean of each bucket this long
 * @param horizonMillis how far back the baseline looks
 * @param minBuckets buckets needed before a baseline speaks
 * @param settleMillis how long after a failover or restart data still do not count
 * @param graceMillis the windows' grace: data later than this never feed the baseline
 */
public record BaselineSettings(
    long bucketMillis, long horizonMillis, int minBuckets, long settleMillis, long graceMillis) {}
