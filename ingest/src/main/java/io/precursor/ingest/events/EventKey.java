package io.precursor.ingest.events;

import io.precursor.schemas.DbEvent;
import java.time.Instant;

/**
 * What makes two RDS events the same event, since DescribeEvents gives no event id: the source, the
 * time and the message.
 */
record EventKey(String sourceId, Instant time, String message) {

  static EventKey of(DbEvent event) {
    return new EventKey(event.getSourceId(), event.getTime(), event.getMessage());
  }
}
