package io.precursor.report;

/**
 * How much of a window's slow log one query fingerprint took: entries, total Query_time and rows
 * examined; {@code hash} is the fingerprint hash of the slow-log topic, in hex.
 */
public record FingerprintShare(
    String fingerprint, String hash, long count, double queryTimeSeconds, long rowsExamined) {}
