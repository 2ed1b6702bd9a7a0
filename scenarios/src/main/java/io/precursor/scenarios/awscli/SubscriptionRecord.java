package io.precursor.scenarios.awscli;

import io.precursor.scenarios.logs.LogEvent;
import io.precursor.scenarios.logs.LogStream;
import java.time.Instant;
import java.util.List;

/**
 * One Kinesis record a CloudWatch Logs subscription delivers: a batch of events from one log
 * stream. Ordinals make the CloudWatch event ids unique.
 */
public record SubscriptionRecord(
    LogStream stream,
    int streamOrdinal,
    long firstEventOrdinal,
    Instant arrival,
    List<LogEvent> events) {

  public SubscriptionRecord {
    events = List.copyOf(events);
  }
}
