package io.precursor.ingest.fuzz;

import io.precursor.ingest.files.EventBridgeEventsFile;
import io.precursor.ingest.files.InstanceClusters;
import io.precursor.ingest.logs.LogEventOutcome;
import io.precursor.ingest.logs.LogEventRouter;
import io.precursor.ingest.subscription.SubscriptionDecoder;
import io.precursor.ingest.subscription.SubscriptionMessage;
import io.precursor.ingest.subscription.UnreadableRecordException;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of one Kinesis record, read as {@code SubscriptionIngest} reads it: the router's
 * outcomes for its log events, a control message, an RDS event, or the whole record set aside.
 *
 * @param recordDeadLetter why the whole record went to the dead letters, null when it did not
 */
record RecordFate(
    List<LogEventOutcome> outcomes,
    boolean controlMessage,
    boolean rdsEvent,
    String recordDeadLetter) {

  /** Decodes and routes {@code record}; any exception thrown here escaped the pipeline. */
  static RecordFate of(byte[] record, SubscriptionDecoder decoder, LogEventRouter router) {
    SubscriptionMessage message;
    try {
      message = decoder.decode(record);
    } catch (UnreadableRecordException e) {
      return new RecordFate(List.of(), false, false, e.reason());
    } catch (RuntimeException e) { // SubscriptionIngest's safety net; the fuzz test flags it
      return new RecordFate(List.of(), false, false, "unexpected " + e);
    }
    if (message instanceof SubscriptionMessage.DataMessage data) {
      return new RecordFate(router.route(data.batch()), false, false, null);
    }
    if (message instanceof SubscriptionMessage.RdsEvent event) {
      try {
        EventBridgeEventsFile.parse(event.json(), InstanceClusters.NONE);
        return new RecordFate(List.of(), false, true, null);
      } catch (IllegalArgumentException e) { // what SubscriptionIngest sets aside
        return new RecordFate(List.of(), false, false, String.valueOf(e.getMessage()));
      } catch (RuntimeException e) { // SubscriptionIngest's safety net; the fuzz test flags it
        return new RecordFate(List.of(), false, false, "unexpected " + e);
      }
    }
    return new RecordFate(List.of(), true, false, null);
  }

  /** How many things the record ended as: records, counts, dead letters. */
  int count() {
    return outcomes.size()
        + (controlMessage ? 1 : 0)
        + (rdsEvent ? 1 : 0)
        + (recordDeadLetter != null ? 1 : 0);
  }

  /** The reasons of every dead letter the record produced. */
  List<String> deadLetterReasons() {
    List<String> reasons = new ArrayList<>();
    if (recordDeadLetter != null) {
      reasons.add(recordDeadLetter);
    }
    for (LogEventOutcome outcome : outcomes) {
      if (outcome instanceof LogEventOutcome.Unreadable unreadable) {
        reasons.add(unreadable.reason());
      }
    }
    return reasons;
  }
}
