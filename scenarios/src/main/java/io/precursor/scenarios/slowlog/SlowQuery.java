package io.precursor.scenarios.slowlog;

import java.time.Instant;

/**
 * One slow query log entry; {@code loggedAt} is when the statement finished, which is when MySQL
 * writes the entry and what {@code # Time:} shows.
 */
public record SlowQuery(
    Instant loggedAt,
    ClientSession session,
    String database,
    double queryTime,
    double lockTime,
    long rowsSent,
    long rowsExamined,
    String sql) {}
