package io.precursor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The self-contained HTML report: one file with Chart.js (installed from npm at build time), the
 * page's script and style and the report data inlined, so it opens offline and fetches nothing.
 */
public final class ReportPage {

  private static final String RESOURCES = "io/precursor/report/";

  /** The Chart.js bundle the build copied into the classes (see this module's pom). */
  static final String CHART_JS = RESOURCES + "chartjs/dist/chart.umd.min.js";

  private static final Pattern PLACEHOLDER =
      Pattern.compile("/\\*(REPORT_CSS|CHART_JS|REPORT_DATA|REPORT_JS)\\*/");

  private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

  private ReportPage() {}

  public static void write(ReplayReport report, Path file) throws IOException {
    Files.writeString(file, render(report), StandardCharsets.UTF_8);
  }

  /** The page as one string. */
  public static String render(ReplayReport report) {
    // "<" never appears raw inside JSON strings here, so nothing in the data can close the tag.
    String data = ReportJson.toJson(report).replace("<", "\\u003c");
    Map<String, String> parts =
        Map.of(
            "REPORT_CSS", resource(RESOURCES + "report.css"),
            "CHART_JS", inlineScript(resource(CHART_JS)),
            "REPORT_DATA", data,
            "REPORT_JS", inlineScript(resource(RESOURCES + "report.js")));
    // One pass over the template, so nothing inserted is itself searched for placeholders.
    Matcher placeholder = PLACEHOLDER.matcher(resource(RESOURCES + "report.html"));
    StringBuilder page = new StringBuilder();
    while (placeholder.find()) {
      placeholder.appendReplacement(
          page, Matcher.quoteReplacement(parts.get(placeholder.group(1))));
    }
    placeholder.appendTail(page);
    return page.toString();
  }

  /** A script made safe to sit between script tags. */
  private static String inlineScript(String script) {
    return SCRIPT_END.matcher(script).replaceAll(Matcher.quoteReplacement("<\\/") + "$1");
  }

  private static String resource(String name) {
    try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the report resource "
                + name
                + " is missing from the classpath; rebuild the report module");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
