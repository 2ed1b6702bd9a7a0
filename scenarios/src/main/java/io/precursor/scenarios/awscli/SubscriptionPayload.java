package io.precursor.scenarios.awscli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.precursor.scenarios.logs.LogEvent;
import io.precursor.scenarios.shape.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes CloudWatch Logs puts in a Kinesis record: gzip of the subscription JSON. Java's gzip
 * header has no timestamp, so equal input gives equal bytes.
 */
public final class SubscriptionPayload {

  /** The health check CloudWatch Logs sends when a subscription to a Kinesis stream is created. */
  public static final String CONTROL_MESSAGE_TEXT =
      "CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.";

  private SubscriptionPayload() {}

  /** A {@code DATA_MESSAGE} with the record's events. */
  public static byte[] dataMessage(String owner, String filterName, SubscriptionRecord record) {
    return gzipJson(
        json -> {
          json.writeStartObject();
          json.writeStringField("messageType", "DATA_MESSAGE");
          json.writeStringField("owner", owner);
          json.writeStringField("logGroup", record.stream().logGroup());
          json.writeStringField("logStream", record.stream().logStream());
          json.writeArrayFieldStart("subscriptionFilters");
          json.writeString(filterName);
          json.writeEndArray();
          json.writeArrayFieldStart("logEvents");
          List<LogEvent> events = record.events();
          for (int i = 0; i < events.size(); i++) {
            LogEvent event = events.get(i);
            long ordinal = record.firstEventOrdinal() + i;
            json.writeStartObject();
            json.writeStringField(
                "id", eventId(event.timestamp(), record.streamOrdinal(), ordinal));
            json.writeNumberField("timestamp", event.timestamp().toEpochMilli());
            json.writeStringField("message", event.message());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** The {@code CONTROL_MESSAGE} that checks the destination; it carries no log data. */
  public static byte[] controlMessage(Instant at) {
    return gzipJson(
        json -> {
          json.writeStartObject();
          json.writeStringField("messageType", "CONTROL_MESSAGE");
          json.writeStringField("owner", "CloudwatchLogs");
          json.writeStringField("logGroup", "");
          json.writeStringField("logStream", "");
          json.writeArrayFieldStart("subscriptionFilters");
          json.writeEndArray();
          json.writeArrayFieldStart("logEvents");
          json.writeStartObject();
          json.writeStringField("id", "");
          json.writeNumberField("timestamp", at.toEpochMilli());
          json.writeStringField("message", CONTROL_MESSAGE_TEXT);
          json.writeEndObject();
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /**
   * A 56-digit CloudWatch event id: the timestamp first so ids sort by time, then the stream,
   * digits that vary like real ids do, and the event's place in its stream so ids are unique.
   */
  static String eventId(Instant timestamp, int streamOrdinal, long eventOrdinal) {
    long millis = timestamp.toEpochMilli();
    long scramble = Seeds.nineteenDigits(Seeds.derive(millis, streamOrdinal + ":" + eventOrdinal));
    return String.format(
        Locale.ROOT, "%013d%05d%019d%019d", millis, streamOrdinal, scramble, eventOrdinal);
  }

  private static byte[] gzipJson(CliJson.JsonBody body) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
      try (GZIPOutputStream gzip = new GZIPOutputStream(bytes);
          JsonGenerator json = CliJson.compact(gzip)) {
        body.write(json);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }
}
