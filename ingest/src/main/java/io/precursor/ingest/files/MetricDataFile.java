package io.precursor.ingest.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.schemas.MetricSample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code aws cloudwatch get-metric-data} output together with the {@code
 * --metric-data-queries} file it was made with, since only the queries say which metric and
 * dimensions each result {@code Id} holds. Yields each series' samples oldest first.
 */
public final class MetricDataFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricDataFile() {}

  /** The samples of {@code results}, with no instance-to-cluster knowledge. */
  public static FileEntries<MetricSample> read(Path results, Path queries) throws IOException {
    return read(results, queries, InstanceClusters.NONE);
  }

  /**
   * The samples of {@code results}. A result whose {@code Id} is not among the queries, whose query
   * is not an AWS/RDS metric with DB instance or cluster dimensions, or whose values do not line up
   * with its timestamps is an error entry, and the next result is read.
   *
   * @throws ExportFileException if the queries file is not a list of queries with unique ids
   */
  public static FileEntries<MetricSample> read(
      Path results, Path queries, InstanceClusters clusters) throws IOException {
    Map<String, MetricQuery> byId = readQueries(queries);
    return new JsonArrayEntries<>(
        ExportFiles.of(results),
        "MetricDataResults",
        (item, position, samples) -> result(item, byId, queries, clusters, samples));
  }

  private static void result(
      JsonNode item,
      Map<String, MetricQuery> queries,
      Path queriesFile,
      InstanceClusters clusters,
      Consumer<MetricSample> samples)
      throws UnreadableItem {
    String id = JsonFields.text(item, "Id");
    MetricQuery query = queries.get(id);
    if (query == null) {
      throw new UnreadableItem(
          "result " + id + " has no query with that Id in " + queriesFile.getFileName());
    }
    MetricQuery.Source source = query.source(clusters);
    String status = JsonFields.optionalText(item, "StatusCode");
    if (status != null && !status.equals("Complete") && !status.equals("PartialData")) {
      throw new UnreadableItem(
          "result " + id + " has StatusCode " + status + ": " + item.path("Messages"));
    }
    JsonNode timestamps = item.path("Timestamps");
    JsonNode values = item.path("Values");
    if (!timestamps.isArray() || !values.isArray() || timestamps.size() != values.size()) {
      throw new UnreadableItem(
          "result "
              + id
              + " needs as many Values as Timestamps, has "
              + values.size()
              + " and "
              + timestamps.size());
    }
    record Point(Instant time, double value) {}
    List<Point> points = new ArrayList<>(timestamps.size());
    for (int i = 0; i < timestamps.size(); i++) {
      if (!values.get(i).isNumber()) {
        throw new UnreadableItem(
            "result " + id + " value " + i + " is not a number: " + values.get(i));
      }
      points.add(
          new Point(
              JsonFields.instantValue(timestamps.get(i), "Timestamps[" + i + "]"),
              values.get(i).asDouble()));
    }
    // CloudWatch lists the newest first by default; downstream windows want time order.
    points.sort(Comparator.comparing(Point::time));
    for (Point point : points) {
      samples.accept(
          MetricSample.newBuilder()
              .setInstance(source.instance())
              .setCluster(source.cluster())
              .setScope(source.scope())
              .setMetric(query.metricName())
              .setTime(point.time())
              .setValue(point.value())
              .setStatistic(query.stat())
              .setPeriodSeconds(query.periodSeconds())
              .build());
    }
  }

  private static Map<String, MetricQuery> readQueries(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new ExportFileException(
          file,
          "is not valid JSON at line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    // --metric-data-queries takes a list; --cli-input-json wraps it in MetricDataQueries.
    JsonNode list = root != null && root.isObject() ? root.path("MetricDataQueries") : root;
    if (list == null || !list.isArray()) {
      throw new ExportFileException(file, "is not a list of metric data queries", null);
    }
    Map<String, MetricQuery> byId = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode query = list.get(i);
      String id = query.path("Id").asText(null);
      if (id == null) {
        throw new ExportFileException(file, "query " + i + " has no Id", null);
      }
      if (byId.containsKey(id)) {
        throw new ExportFileException(file, "query " + i + " repeats the Id " + id, null);
      }
      byId.put(id, query(id, query));
    }
    return byId;
  }

  private static MetricQuery query(String id, JsonNode query) {
    JsonNode stat = query.path("MetricStat");
    if (stat.isMissingNode()) {
      return new MetricQuery(id, null, null, Map.of(), 0, null);
    }
    JsonNode metric = stat.path("Metric");
    Map<String, String> dimensions = new HashMap<>();
    for (JsonNode dimension : metric.path("Dimensions")) {
      dimensions.put(dimension.path("Name").asText(), dimension.path("Value").asText());
    }
    return new MetricQuery(
        id,
        metric.path("Namespace").asText(null),
        metric.path("MetricName").asText(null),
        dimensions,
        stat.path("Period").asInt(60),
        stat.path("Stat").asText("Average"));
  }
}
