package io.precursor.scenarios.logs;

import java.util.Iterator;

/** The events of one log stream, generated lazily so that a day of a large fleet fits in memory. */
public interface LogSource {

  LogStream stream();

  /** A fresh iterator over the stream's events in timestamp order; each call yields the same. */
  Iterator<LogEvent> events();
}
