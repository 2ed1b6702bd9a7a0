package io.precursor.ingest.digest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a digest as one JSON document for tools: totals, then the ranked query classes with their
 * query ids, fingerprints and statistics. Durations are in seconds, times ISO-8601 UTC.
 */
public final class DigestJsonReport {

  private static final JsonFactory JSON = new JsonFactory();

  private DigestJsonReport() {}

  /**
   * @param examples whether to include each class's slowest statement, literals and all
   */
  public static void write(
      DigestReport report, List<DigestedFile> files, boolean examples, Writer out)
      throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("tool", "precursor digest");
      json.writeArrayFieldStart("files");
      for (DigestedFile file : files) {
        json.writeStartObject();
        json.writeStringField("name", file.name());
        json.writeStringField("format", file.format().name().toLowerCase(Locale.ROOT));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeNumberField("entries", report.entries());
      json.writeNumberField("unreadable", report.unreadable());
      counts(json, "unreadableReasons", report.unreadableReasons());
      json.writeNumberField("classes", report.classCount());
      time(json, "firstSeen", report.firstSeen());
      time(json, "lastSeen", report.lastSeen());
      duration(json, "queryTime", report.queryTime());
      duration(json, "lockTime", report.lockTime());
      rows(json, "rowsSent", report.rowsSent());
      rows(json, "rowsExamined", report.rowsExamined());
      json.writeArrayFieldStart("queries");
      int rank = 1;
      for (QueryClass queryClass : report.top()) {
        queryClass(json, rank++, queryClass, report.queryTime().total(), examples);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  private static void queryClass(
      JsonGenerator json, int rank, QueryClass queryClass, double totalQueryTime, boolean examples)
      throws IOException {
    json.writeStartObject();
    json.writeNumberField("rank", rank);
    json.writeStringField("queryId", queryClass.queryId());
    json.writeStringField("fingerprint", queryClass.fingerprint());
    json.writeStringField("kind", queryClass.kind().name());
    json.writeArrayFieldStart("tables");
    for (String table : queryClass.tables()) {
      json.writeString(table);
    }
    json.writeEndArray();
    counts(json, "databases", queryClass.databases());
    json.writeNumberField("count", queryClass.count());
    json.writeNumberField(
        "share", totalQueryTime == 0 ? 0 : queryClass.queryTime().total() / totalQueryTime);
    duration(json, "queryTime", queryClass.queryTime());
    duration(json, "lockTime", queryClass.lockTime());
    rows(json, "rowsSent", queryClass.rowsSent());
    rows(json, "rowsExamined", queryClass.rowsExamined());
    time(json, "firstSeen", queryClass.firstSeen());
    time(json, "lastSeen", queryClass.lastSeen());
    if (examples) {
      json.writeObjectFieldStart("slowest");
      json.writeNumberField("queryTime", queryClass.exampleQueryTime());
      json.writeStringField("statement", queryClass.example());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void duration(JsonGenerator json, String name, DurationSummary summary)
      throws IOException {
    json.writeObjectFieldStart(name);
    json.writeNumberField("total", summary.total());
    json.writeNumberField("avg", summary.avg());
    json.writeNumberField("p95", summary.p95());
    json.writeNumberField("max", summary.max());
    json.writeEndObject();
  }

  private static void rows(JsonGenerator json, String name, RowSummary summary) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeNumberField("total", summary.total());
    json.writeNumberField("avg", summary.avg());
    json.writeNumberField("max", summary.max());
    json.writeEndObject();
  }

  private static void counts(JsonGenerator json, String name, Map<String, Long> counts)
      throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      json.writeNumberField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  private static void time(JsonGenerator json, String name, Instant time) throws IOException {
    if (time == null) {
      json.writeNullField(name);
    } else {
      json.writeStringField(name, time.toString());
    }
  }
}
