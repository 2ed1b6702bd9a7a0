package io.precursor.ingest.digest;

/** Rows_sent or Rows_examined of a query class, summed over its entries. */
public record RowSummary(long total, double avg, long max) {}
