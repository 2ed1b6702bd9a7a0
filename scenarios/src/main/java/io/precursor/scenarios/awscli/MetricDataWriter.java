package io.precursor.scenarios.awscli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.precursor.scenarios.metrics.Datapoint;
import io.precursor.scenarios.metrics.Dimension;
import io.precursor.scenarios.metrics.MetricSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes metric series as a {@code --metric-data-queries} file and the {@code aws cloudwatch
 * get-metric-data} output for it; the results only carry ids, the dimensions are in the queries.
 */
public final class MetricDataWriter {

  /** What was written. */
  public record MetricExport(int series, long datapoints) {}

  private MetricDataWriter() {}

  public static MetricExport write(
      Path queriesFile, Path resultsFile, List<MetricSeries> series, Instant from, Instant until)
      throws IOException {
    CliJson.writeFile(queriesFile, json -> writeQueries(json, series));
    long[] datapoints = {0};
    CliJson.writeFile(
        resultsFile,
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("MetricDataResults");
          for (int i = 0; i < series.size(); i++) {
            datapoints[0] += writeResult(json, "m" + i, series.get(i), from, until);
          }
          json.writeEndArray();
          json.writeArrayFieldStart("Messages");
          json.writeEndArray();
          json.writeEndObject();
        });
    return new MetricExport(series.size(), datapoints[0]);
  }

  private static void writeQueries(JsonGenerator json, List<MetricSeries> series)
      throws IOException {
    json.writeStartArray();
    for (int i = 0; i < series.size(); i++) {
      MetricSeries one = series.get(i);
      json.writeStartObject();
      json.writeStringField("Id", "m" + i);
      json.writeObjectFieldStart("MetricStat");
      json.writeObjectFieldStart("Metric");
      json.writeStringField("Namespace", one.namespace());
      json.writeStringField("MetricName", one.metricName());
      json.writeArrayFieldStart("Dimensions");
      for (Dimension dimension : one.dimensions()) {
        json.writeStartObject();
        json.writeStringField("Name", dimension.name());
        json.writeStringField("Value", dimension.value());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeNumberField("Period", one.periodSeconds());
      json.writeStringField("Stat", one.stat());
      json.writeEndObject();
      json.writeBooleanField("ReturnData", true);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static int writeResult(
      JsonGenerator json, String id, MetricSeries series, Instant from, Instant until)
      throws IOException {
    // GetMetricData lists the newest datapoint first unless asked otherwise.
    List<Datapoint> newestFirst = new ArrayList<>(series.datapoints(from, until));
    Collections.reverse(newestFirst);
    json.writeStartObject();
    json.writeStringField("Id", id);
    json.writeStringField("Label", series.metricName());
    json.writeArrayFieldStart("Timestamps");
    for (Datapoint point : newestFirst) {
      json.writeString(CliTimestamp.format(point.timestamp()));
    }
    json.writeEndArray();
    json.writeArrayFieldStart("Values");
    for (Datapoint point : newestFirst) {
      json.writeNumber(CliNumber.format(point.value()));
    }
    json.writeEndArray();
    json.writeStringField("StatusCode", "Complete");
    json.writeEndObject();
    return newestFirst.size();
  }
}
