package io.precursor.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.schemas.DbEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads EventBridge {@code aws.rds} events saved one per line or as a JSON array; their {@code
 * detail} carries the EventID, which classifies them exactly.
 */
public final class EventBridgeEventsFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventBridgeEventsFile() {}

  public static FileEntries<DbEvent> read(Path file) throws IOException {
    return read(file, InstanceClusters.NONE);
  }

  /**
   * The events; one that is not an {@code aws.rds} event or lacks what a {@link DbEvent} needs is
   * an error entry, and the next is read.
   */
  public static FileEntries<DbEvent> read(Path file, InstanceClusters clusters) throws IOException {
    ItemReader<DbEvent> reader = (item, position, events) -> event(item, clusters, events);
    if (startsWithArray(file)) {
      return new JsonArrayEntries<>(List.of(file), null, reader);
    }
    return new JsonLineEntries<>(file, reader);
  }

  /**
   * One EventBridge {@code aws.rds} event as it arrives on a Kinesis stream.
   *
   * @throws IllegalArgumentException with the reason when it is not a readable aws.rds event
   */
  public static DbEvent parse(String json, InstanceClusters clusters) {
    List<DbEvent> out = new java.util.ArrayList<>(1);
    try {
      event(JSON.readTree(json), clusters, out::add);
    } catch (UnreadableItem e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    return out.get(0);
  }

  private static void event(JsonNode item, InstanceClusters clusters, Consumer<DbEvent> events)
      throws UnreadableItem {
    if (!item.isObject()) {
      throw new UnreadableItem("an event is a JSON object, this is " + item.getNodeType());
    }
    String source = item.path("source").asText(null);
    if (!"aws.rds".equals(source)) {
      throw new UnreadableItem("not an aws.rds event: source is " + source);
    }
    JsonNode detail = item.path("detail");
    if (!detail.isObject()) {
      throw new UnreadableItem("the event has no detail object");
    }
    Instant time = item.hasNonNull("time") ? JsonFields.instantField(item, "time") : null;
    events.accept(
        RdsEventFields.toDbEvent(
            detail, JsonFields.optionalText(detail, "EventID"), time, clusters));
  }

  private static boolean startsWithArray(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB
          || c == 0xBF);
      return c == '[';
    }
  }
}
