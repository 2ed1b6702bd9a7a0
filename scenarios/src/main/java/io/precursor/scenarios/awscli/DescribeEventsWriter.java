package io.precursor.scenarios.awscli;

import io.precursor.scenarios.events.RdsEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Writes RDS events as {@code aws rds describe-events} prints them, oldest first. */
public final class DescribeEventsWriter {

  private DescribeEventsWriter() {}

  public static void write(Path file, List<RdsEvent> events) throws IOException {
    List<RdsEvent> oldestFirst =
        events.stream().sorted(Comparator.comparing(RdsEvent::date)).toList();
    CliJson.writeFile(
        file,
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("Events");
          for (RdsEvent event : oldestFirst) {
            json.writeStartObject();
            json.writeStringField("SourceIdentifier", event.sourceIdentifier());
            json.writeStringField("SourceType", event.sourceType());
            json.writeStringField("Message", event.message());
            json.writeArrayFieldStart("EventCategories");
            for (String category : event.eventCategories()) {
              json.writeString(category);
            }
            json.writeEndArray();
            json.writeStringField("Date", CliTimestamp.format(event.date()));
            json.writeStringField("SourceArn", event.sourceArn());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }
}
