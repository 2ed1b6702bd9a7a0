package io.precursor.ingest.digest;

/**
 * Query_time or Lock_time of a query class, in seconds.
 *
 * @param p95 the 95th percentile (nearest rank), exact or within 0.5%: see {@link TimeDistribution}
 */
public record DurationSummary(double total, double avg, double p95, double max) {}
