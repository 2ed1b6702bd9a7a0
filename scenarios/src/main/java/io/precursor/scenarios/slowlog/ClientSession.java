package io.precursor.scenarios.slowlog;

/** The MySQL connection a statement ran on, as the slow log's {@code # User@Host} line shows it. */
public record ClientSession(String user, String ip, long threadId) {}
