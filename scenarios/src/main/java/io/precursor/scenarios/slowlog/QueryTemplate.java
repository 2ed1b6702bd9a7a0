package io.precursor.scenarios.slowlog;

/** A kind of statement an application sends, how often relative to the others, and in which db. */
public record QueryTemplate(double weight, String database, StatementMaker maker) {}
