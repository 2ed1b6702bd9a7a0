package io.precursor.streams.query;

/** The stage's state stores cannot be read now: it is starting, rebalancing or stopped. */
public final class StoresNotQueryable extends RuntimeException {

  StoresNotQueryable(String message, Throwable cause) {
    super(message, cause);
  }
}
