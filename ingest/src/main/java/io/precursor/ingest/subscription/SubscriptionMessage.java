package io.precursor.ingest.subscription;

import io.precursor.ingest.logs.LogBatch;
import io.precursor.ingest.logs.LogEvent;
import java.util.List;
import java.util.Objects;

/** What one Kinesis record of the log subscription stream carries. */
public sealed interface SubscriptionMessage {

  /** CloudWatch Logs events of one log stream, to be parsed. */
  record DataMessage(
      String owner,
      String logGroup,
      String logStream,
      List<String> subscriptionFilters,
      List<LogEvent> logEvents)
      implements SubscriptionMessage {

    public DataMessage {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(logGroup, "logGroup");
      Objects.requireNonNull(logStream, "logStream");
      subscriptionFilters = List.copyOf(subscriptionFilters);
      logEvents = List.copyOf(logEvents);
    }

    /** The events with their log group and stream, as the log router takes them. */
    public LogBatch batch() {
      return new LogBatch(logGroup, logStream, logEvents);
    }
  }

  /**
   * CloudWatch Logs checking that the destination is reachable; carries no log data and is skipped
   * (and counted) by the caller.
   *
   * @param text the control message's own text, e.g. "CWL CONTROL MESSAGE: Checking health of
   *     destination Kinesis stream.", empty when it had none
   */
  record ControlMessage(String text) implements SubscriptionMessage {

    public ControlMessage {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * An EventBridge event from {@code aws.rds} (failover, reboot, ...) routed onto the same stream;
   * the JSON is kept whole for the RDS event mapper.
   *
   * @param detailType EventBridge {@code detail-type}, e.g. "RDS DB Cluster Event", null if absent
   */
  record RdsEvent(String detailType, String json) implements SubscriptionMessage {

    public RdsEvent {
      Objects.requireNonNull(json, "json");
    }
  }
}
