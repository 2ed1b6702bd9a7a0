package io.precursor.ingest.files;

import io.precursor.ingest.logs.LogEvent;
import java.util.Objects;

/**
 * One log event of an {@code aws logs filter-log-events} export: the log stream it was written to
 * (for Aurora, the DB instance), the event, and where in the export it was read.
 */
public record FilteredLogEvent(FilePosition source, String logStream, LogEvent event) {

  public FilteredLogEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(logStream, "logStream");
    Objects.requireNonNull(event, "event");
  }
}
