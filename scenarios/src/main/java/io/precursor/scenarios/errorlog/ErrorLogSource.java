package io.precursor.scenarios.errorlog;

import io.precursor.scenarios.logs.LogEvent;
import io.precursor.scenarios.logs.LogSource;
import io.precursor.scenarios.logs.LogStream;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** One instance's error log in CloudWatch Logs, one event per line; error logs are short. */
public final class ErrorLogSource implements LogSource {

  private final LogStream stream;
  private final List<ErrorLogLine> lines;

  public ErrorLogSource(LogStream stream, List<ErrorLogLine> lines) {
    this.stream = stream;
    this.lines = lines.stream().sorted(Comparator.comparing(ErrorLogLine::time)).toList();
  }

  @Override
  public LogStream stream() {
    return stream;
  }

  @Override
  public Iterator<LogEvent> events() {
    return lines.stream()
        .map(line -> new LogEvent(line.time().truncatedTo(ChronoUnit.MILLIS), line.render()))
        .iterator();
  }
}
