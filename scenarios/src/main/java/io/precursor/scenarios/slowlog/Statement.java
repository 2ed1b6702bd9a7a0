package io.precursor.scenarios.slowlog;

/** One SQL statement with what it touched and how long it takes on an unstressed instance. */
public record Statement(String sql, long rowsSent, long rowsExamined, double seconds) {}
