package io.precursor.ingest.digest;

import io.precursor.ingest.logs.LogEvent;
import java.util.Objects;

/**
 * A log event of an {@code aws logs filter-log-events} export with the log stream it was written to
 * (for RDS, the DB instance); empty when the export does not say.
 */
public record ExportedLogEvent(String logStream, LogEvent event) {

  public ExportedLogEvent {
    Objects.requireNonNull(logStream, "logStream");
    Objects.requireNonNull(event, "event");
  }
}
