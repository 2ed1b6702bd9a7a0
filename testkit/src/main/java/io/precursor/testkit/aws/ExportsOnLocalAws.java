package io.precursor.testkit.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Puts what a directory of AWS CLI exports (as {@code precursor simulate} writes them) says AWS
 * held onto the local stand-ins: the subscription records' log events into {@link
 * LocalCloudWatchLogs} under their log group and stream, the get-metric-data results into {@link
 * LocalCloudWatch} under their queries' metric and dimensions, the describe-events output into
 * {@link LocalRds}. It reads the AWS formats on its own, so that tests of Precursor's readers do
 * not check them against themselves.
 */
public final class ExportsOnLocalAws {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How much was loaded. */
  public record Loaded(int logEvents, int datapoints, int rdsEvents) {}

  private ExportsOnLocalAws() {}

  public static Loaded load(
      Path exports, LocalCloudWatchLogs logs, LocalCloudWatch cloudWatch, LocalRds rds) {
    try {
      return new Loaded(
          logEvents(exports.resolve("kinesis"), logs),
          datapoints(exports.resolve("metrics"), cloudWatch),
          rdsEvents(exports.resolve("events"), rds));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int logEvents(Path kinesis, LocalCloudWatchLogs logs) throws IOException {
    int count = 0;
    for (Path file : jsonFiles(kinesis)) {
      for (JsonNode record : JSON.readTree(file.toFile()).path("Records")) {
        byte[] gzipped = Base64.getDecoder().decode(record.path("Data").asText());
        JsonNode message;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
          message = JSON.readTree(in);
        }
        if (!"DATA_MESSAGE".equals(message.path("messageType").asText())) {
          continue;
        }
        for (JsonNode event : message.path("logEvents")) {
          logs.put(
              message.path("logGroup").asText(),
              message.path("logStream").asText(),
              event.path("id").asText(),
              event.path("timestamp").asLong(),
              event.path("message").asText());
          count++;
        }
      }
    }
    return count;
  }

  private static int datapoints(Path metrics, LocalCloudWatch cloudWatch) throws IOException {
    if (!Files.isDirectory(metrics)) {
      return 0;
    }
    Map<String, LocalCloudWatch.Series> byId = new HashMap<>();
    for (JsonNode query : JSON.readTree(metrics.resolve("queries.json").toFile())) {
      JsonNode stat = query.path("MetricStat");
      Map<String, String> dimensions = new HashMap<>();
      for (JsonNode d : stat.path("Metric").path("Dimensions")) {
        dimensions.put(d.path("Name").asText(), d.path("Value").asText());
      }
      byId.put(
          query.path("Id").asText(),
          new LocalCloudWatch.Series(
              stat.path("Metric").path("MetricName").asText(),
              dimensions,
              stat.path("Stat").asText()));
    }
    int count = 0;
    for (Path file : jsonFiles(metrics)) {
      if (file.getFileName().toString().equals("queries.json")) {
        continue;
      }
      for (JsonNode result : JSON.readTree(file.toFile()).path("MetricDataResults")) {
        LocalCloudWatch.Series series = byId.get(result.path("Id").asText());
        for (int i = 0; i < result.path("Timestamps").size(); i++) {
          cloudWatch.put(
              series,
              instant(result.path("Timestamps").get(i).asText()),
              result.path("Values").get(i).asDouble());
          count++;
        }
      }
    }
    return count;
  }

  private static int rdsEvents(Path events, LocalRds rds) throws IOException {
    if (!Files.isDirectory(events)) {
      return 0;
    }
    int count = 0;
    for (Path file : jsonFiles(events)) {
      for (JsonNode event : JSON.readTree(file.toFile()).path("Events")) {
        List<String> categories = new ArrayList<>();
        event.path("EventCategories").forEach(c -> categories.add(c.asText()));
        rds.add(
            new LocalRds.RdsEvent(
                event.path("SourceIdentifier").asText(),
                event.path("SourceType").asText(),
                event.path("Message").asText(),
                categories,
                instant(event.path("Date").asText()),
                event.path("SourceArn").asText(null)));
        count++;
      }
    }
    return count;
  }

  private static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  private static List<Path> jsonFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
