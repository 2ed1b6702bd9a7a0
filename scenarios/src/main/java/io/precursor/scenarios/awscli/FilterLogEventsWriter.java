package io.precursor.scenarios.awscli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.precursor.scenarios.logs.LazyIterator;
import io.precursor.scenarios.logs.LogEvent;
import io.precursor.scenarios.logs.LogSource;
import io.precursor.scenarios.logs.LogStream;
import io.precursor.scenarios.logs.TimeOrderedMerge;
import io.precursor.scenarios.shape.Seeds;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes each log group's events as {@code aws logs filter-log-events --log-group-name <group>}
 * prints them, one file per call of at most 10,000 events, into {@code <logs>/<group>/} (the log
 * group is not in the output, so the folders spell it). Event ids are those the Kinesis export of
 * the same scenario carries, so both exports yield the same entries.
 */
public final class FilterLogEventsWriter {

  /** FilterLogEvents returns at most this many events per call. */
  public static final int MAX_EVENTS_PER_CALL = 10_000;

  /** One written log group: its files in read order and how many events they hold. */
  public record LogGroupExport(String logGroup, List<Path> files, long events) {
    public LogGroupExport {
      files = List.copyOf(files);
    }

    /** The log type, the last part of the group name: {@code slowquery}, {@code error}, ... */
    public String logType() {
      return logGroup.substring(logGroup.lastIndexOf('/') + 1);
    }
  }

  private record Exported(LogStream stream, int streamOrdinal, long ordinal, LogEvent event) {}

  private final long seed;
  private final int eventsPerFile;

  public FilterLogEventsWriter(long seed, int eventsPerFile) {
    if (eventsPerFile < 1 || eventsPerFile > MAX_EVENTS_PER_CALL) {
      throw new IllegalArgumentException(
          "events per file must be 1.." + MAX_EVENTS_PER_CALL + ", got " + eventsPerFile);
    }
    this.seed = seed;
    this.eventsPerFile = eventsPerFile;
  }

  /**
   * Writes every log group of {@code sources} under {@code logsDirectory}, groups in name order.
   */
  public List<LogGroupExport> write(Path logsDirectory, List<LogSource> sources)
      throws IOException {
    // Stream ordinals as the Kinesis export numbers them: all streams in (group, stream) order.
    List<LogSource> ordered =
        sources.stream().sorted(Comparator.comparing(LogSource::stream)).toList();
    Map<String, List<Iterator<Exported>>> byGroup = new TreeMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      LogSource source = ordered.get(i);
      byGroup
          .computeIfAbsent(source.stream().logGroup(), g -> new ArrayList<>())
          .add(numbered(source, i));
    }
    List<LogGroupExport> written = new ArrayList<>();
    for (Map.Entry<String, List<Iterator<Exported>>> group : byGroup.entrySet()) {
      // FilterLogEvents interleaves the group's streams by timestamp.
      Iterator<Exported> events =
          new TimeOrderedMerge<>(
              group.getValue(), Comparator.comparing((Exported e) -> e.event().timestamp()));
      written.add(writeGroup(logsDirectory, group.getKey(), events));
    }
    return written;
  }

  private static Iterator<Exported> numbered(LogSource source, int streamOrdinal) {
    Iterator<LogEvent> events = source.events();
    return new LazyIterator<>() {
      private long ordinal;

      @Override
      protected Exported computeNext() {
        return events.hasNext()
            ? new Exported(source.stream(), streamOrdinal, ordinal++, events.next())
            : null;
      }
    };
  }

  private LogGroupExport writeGroup(Path logsDirectory, String logGroup, Iterator<Exported> events)
      throws IOException {
    Path directory = logsDirectory.resolve(logGroup.replaceFirst("^/+", ""));
    Files.createDirectories(directory);
    List<Path> files = new ArrayList<>();
    long count = 0;
    do {
      Path file =
          directory.resolve(
              String.format(Locale.ROOT, "filter-log-events-%05d.json", files.size() + 1));
      files.add(file);
      TreeSet<String> searched = new TreeSet<>();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
          JsonGenerator json = CliJson.pretty(out)) {
        json.writeStartObject();
        json.writeArrayFieldStart("events");
        for (int inPage = 0; inPage < eventsPerFile && events.hasNext(); inPage++) {
          Exported e = events.next();
          searched.add(e.stream().logStream());
          writeEvent(json, e);
          count++;
        }
        json.writeEndArray();
        json.writeArrayFieldStart("searchedLogStreams");
        for (String stream : searched) {
          json.writeStartObject();
          json.writeStringField("logStreamName", stream);
          json.writeBooleanField("searchedCompletely", !events.hasNext());
          json.writeEndObject();
        }
        json.writeEndArray();
        if (events.hasNext()) {
          // An opaque token for the next call; only its presence matters to readers.
          json.writeStringField(
              "nextToken",
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(
                      (logGroup + "/" + files.size()).getBytes(StandardCharsets.UTF_8)));
        }
        json.writeEndObject();
        json.flush();
        out.write('\n');
      }
    } while (events.hasNext());
    return new LogGroupExport(logGroup, files, count);
  }

  private void writeEvent(JsonGenerator json, Exported e) throws IOException {
    long millis = e.event().timestamp().toEpochMilli();
    json.writeStartObject();
    json.writeStringField("logStreamName", e.stream().logStream());
    json.writeNumberField("timestamp", millis);
    json.writeStringField("message", e.event().message());
    // CloudWatch Logs ingests an event within a second or two of its timestamp.
    json.writeNumberField(
        "ingestionTime", millis + 400 + (long) (1200 * Seeds.uniform(seed, e.ordinal())));
    json.writeStringField(
        "eventId",
        SubscriptionPayload.eventId(e.event().timestamp(), e.streamOrdinal(), e.ordinal()));
    json.writeEndObject();
  }
}
