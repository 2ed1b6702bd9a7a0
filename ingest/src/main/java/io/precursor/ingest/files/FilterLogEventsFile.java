package io.precursor.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.precursor.ingest.logs.LogEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads {@code aws logs filter-log-events} output ({@code {"events":[{"logStreamName",
 * "timestamp","message","ingestionTime","eventId"}],"searchedLogStreams","nextToken"}}), one file
 * or a directory of them in name order, streaming. Pages appended to one file are read one after
 * the other. The output does not name the log group: the caller knows it (FACTS 9).
 */
public final class FilterLogEventsFile {

  private FilterLogEventsFile() {}

  /**
   * The events of {@code fileOrDirectory}; an event that lacks its log stream, timestamp or message
   * is an error entry and the next event is read.
   *
   * @throws java.nio.file.NoSuchFileException if there is no such file, or a directory holds no
   *     {@code .json} file
   */
  public static FileEntries<FilteredLogEvent> read(Path fileOrDirectory) throws IOException {
    return new JsonArrayEntries<>(
        ExportFiles.of(fileOrDirectory), "events", FilterLogEventsFile::event);
  }

  private static void event(JsonNode item, FilePosition position, Consumer<FilteredLogEvent> events)
      throws UnreadableItem {
    if (!item.isObject()) {
      throw new UnreadableItem("an event is a JSON object, this is " + item.getNodeType());
    }
    String stream = JsonFields.text(item, "logStreamName");
    JsonNode timestamp = item.get("timestamp");
    if (timestamp == null || !timestamp.isIntegralNumber() || !timestamp.canConvertToLong()) {
      throw new UnreadableItem(
          timestamp == null
              ? "it has no timestamp"
              : "timestamp is not epoch milliseconds: " + timestamp);
    }
    String message = JsonFields.text(item, "message");
    // Real exports always carry eventId; without one the entry ids fall back to the position.
    String id = JsonFields.optionalText(item, "eventId");
    events.accept(
        new FilteredLogEvent(
            position,
            stream,
            new LogEvent(id == null ? position.reference() : id, timestamp.asLong(), message)));
  }
}
