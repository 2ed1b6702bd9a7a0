package io.precursor.ingest.logs;

import java.util.List;
import java.util.Objects;

/**
 * Log events of one log stream of one log group that arrived together, in the order CloudWatch
 * delivered them: a subscription DATA_MESSAGE, or a page of {@code aws logs filter-log-events}.
 */
public record LogBatch(String logGroup, String logStream, List<LogEvent> events) {

  public LogBatch {
    Objects.requireNonNull(logGroup, "logGroup");
    Objects.requireNonNull(logStream, "logStream");
    events = List.copyOf(events);
  }
}
