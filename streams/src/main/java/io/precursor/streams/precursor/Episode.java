package io.precursor.streams.precursor;

/**
 * The state of one rule on one instance: when its current episode began, the highest severity
 * announced, and when it last held.
 */
public record Episode(String id, long startedAt, String severity, long lastHeldAt) {}
