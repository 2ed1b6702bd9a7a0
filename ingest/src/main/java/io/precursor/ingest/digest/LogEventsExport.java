package io.precursor.ingest.digest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.precursor.ingest.logs.LogEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams the log events of an {@code aws logs filter-log-events} JSON export ({@code
 * {"events":[{"logStreamName","timestamp","message","ingestionTime","eventId"}],...}}), holding one
 * event in memory at a time.
 */
public final class LogEventsExport {

  private static final JsonFactory JSON = new JsonFactory();

  private LogEventsExport() {}

  /**
   * Hands each event to {@code onEvent} in file order.
   *
   * @throws IOException when the input cannot be read or is not such an export; the events before
   *     the fault have been handed over
   */
  public static void read(InputStream in, Consumer<ExportedLogEvent> onEvent) throws IOException {
    try (JsonParser parser = JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw notAnExport(parser, "it does not start with a JSON object");
      }
      boolean sawEvents = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("events") && value == JsonToken.START_ARRAY) {
          sawEvents = true;
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            onEvent.accept(event(parser));
          }
        } else {
          parser.skipChildren(); // searchedLogStreams, nextToken
        }
      }
      if (!sawEvents) {
        throw notAnExport(parser, "it has no \"events\" array");
      }
    }
  }

  private static ExportedLogEvent event(JsonParser parser) throws IOException {
    String stream = "";
    String id = null;
    Long timestamp = null;
    String message = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "logStreamName" -> stream = parser.getValueAsString("");
        case "eventId" -> id = parser.getValueAsString();
        case "timestamp" -> timestamp = value.isNumeric() ? parser.getLongValue() : null;
        case "message" -> message = parser.getValueAsString();
        default -> parser.skipChildren();
      }
    }
    if (message == null || timestamp == null) {
      throw notAnExport(parser, "an event lacks its message or timestamp");
    }
    return new ExportedLogEvent(stream, new LogEvent(id == null ? "" : id, timestamp, message));
  }

  private static IOException notAnExport(JsonParser parser, String reason) {
    return new IOException(
        "not an 'aws logs filter-log-events' export: "
            + reason
            + " (line "
            + parser.currentLocation().getLineNr()
            + ")");
  }
}
