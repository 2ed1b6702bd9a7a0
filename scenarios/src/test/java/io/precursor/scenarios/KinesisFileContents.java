package io.precursor.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads a written get-records file back into its records and decoded subscription payloads. */
final class KinesisFileContents {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One record: its get-records fields, raw gzip bytes, and the decoded subscription JSON. */
  record Record(JsonNode fields, byte[] gzip, JsonNode payload) {}

  private KinesisFileContents() {}

  static List<Record> read(Path file) throws IOException {
    List<Record> records = new ArrayList<>();
    for (JsonNode fields : JSON.readTree(file.toFile()).path("Records")) {
      byte[] gzip = Base64.getDecoder().decode(fields.path("Data").asText());
      records.add(new Record(fields, gzip, gunzipJson(gzip)));
    }
    return records;
  }

  static JsonNode gunzipJson(byte[] gzip) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
