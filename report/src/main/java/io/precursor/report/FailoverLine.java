package io.precursor.report;

/**
 * A failover drawn across an instance's charts: when it started and, once done, completed.
 *
 * @param completedAt {@code null} while the incident has not completed
 * @param rtoMillis {@code null} while the incident has not completed
 */
public record FailoverLine(
    String incidentId,
    String state,
    long startedAt,
    Long completedAt,
    Long rtoMillis,
    String message) {}
