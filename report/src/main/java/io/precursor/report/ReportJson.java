package io.precursor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code report.json}: the report's data, as the HTML page embeds it. */
public final class ReportJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private ReportJson() {}

  public static void write(ReplayReport report, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, report);
    }
  }

  /** The report as one line of JSON. */
  static String toJson(ReplayReport report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ReplayReport read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), ReplayReport.class);
  }
}
