package io.precursor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report opened in headless Chromium: charts drawn, no error, nothing fetched. */
class ReportPageChromiumIT {

  private static final Pattern HEALTH =
      Pattern.compile(
          "<pre id=\"page-health\" data-state=\"done\"[^>]*>(.*?)</pre>", Pattern.DOTALL);
  private static final Pattern CANVAS =
      Pattern.compile("<canvas data-chart=\"([^\"]+)\"[^>]*data-painted-pixels=\"(\\d+)\"");

  private static HeadlessChromium chromium;

  @BeforeAll
  static void findChromium() {
    Optional<HeadlessChromium> found = HeadlessChromium.find();
    if (found.isEmpty()) {
      // Required unless explicitly waived: a missing browser is never a silent pass.
      assertThat(System.getenv(HeadlessChromium.REQUIRE))
          .as(
              "chromium is not installed (apt-get install chromium); set %s=false to skip"
                  + " this test on a machine without it",
              HeadlessChromium.REQUIRE)
          .isEqualToIgnoringCase("false");
      Assumptions.abort("chromium is not installed and " + HeadlessChromium.REQUIRE + "=false");
    }
    chromium = found.get();
  }

  @Test
  void shouldDrawEveryChartOfTheEventfulInstancesWithoutConsoleErrors(@TempDir Path dir)
      throws Exception {
    Path page = dir.resolve("report.html");
    ReportPage.write(ReportFixture.report(), page);

    HeadlessChromium.Run run = chromium.dumpDom(page.toUri().toString(), 10_000, dir);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Matcher health = HEALTH.matcher(run.stdout());
    assertThat(health.find()).as("the page finished its self-check:%n%s", run.stderr()).isTrue();
    JsonNode result = new ObjectMapper().readTree(unescape(health.group(1)));
    assertThat(result.get("errors")).as(health.group(1)).isEmpty();
    // ads-prod-1 (5 key metrics) and ads-prod-2 (2) had precursors; other-1 stays folded.
    assertThat(result.get("charts").asInt()).isEqualTo(7);
    assertThat(result.get("blankCharts").asInt()).isZero();
    List<String> drawn = new ArrayList<>();
    Matcher canvas = CANVAS.matcher(run.stdout());
    while (canvas.find()) {
      drawn.add(canvas.group(1));
      // A chart with axes, ticks, a title and a line paints thousands of pixels, not a few.
      assertThat(Integer.parseInt(canvas.group(2))).as(canvas.group(1)).isGreaterThan(5_000);
    }
    assertThat(drawn)
        .containsExactly(
            "FreeableMemory",
            "CPUUtilization",
            "DiskQueueDepth",
            "CommitLatency",
            "Deadlocks",
            "FreeableMemory",
            "CPUUtilization");
    assertThat(run.stdout()).contains("BULK_DML_MEMORY_PRESSURE", "18 min 31 s ahead");
  }

  @Test
  void shouldDrawTheFoldedInstancesToo(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("report.html");
    ReportPage.write(ReportFixture.report(), page);

    // #all opens every instance, as a reader clicking through them would.
    HeadlessChromium.Run run = chromium.dumpDom(page.toUri() + "#all", 10_000, dir);

    Matcher health = HEALTH.matcher(run.stdout());
    assertThat(health.find()).as(run.stderr()).isTrue();
    JsonNode result = new ObjectMapper().readTree(unescape(health.group(1)));
    assertThat(result.get("charts").asInt()).isEqualTo(8);
    assertThat(result.get("blankCharts").asInt()).isZero();
    assertThat(result.get("errors")).isEmpty();
  }

  @Test
  void shouldRecordAConsoleErrorOnThePage(@TempDir Path dir) throws Exception {
    // The self-check must be able to fail: a page whose script throws says so.
    Path page = dir.resolve("broken.html");
    Files.writeString(
        page,
        ReportPage.render(ReportFixture.report())
            .replace("'use strict';", "'use strict'; console.error('boom');"));

    HeadlessChromium.Run run = chromium.dumpDom(page.toUri().toString(), 10_000, dir);

    Matcher health = HEALTH.matcher(run.stdout());
    assertThat(health.find()).as(run.stderr()).isTrue();
    assertThat(unescape(health.group(1))).contains("console.error: boom");
  }

  @Test
  void shouldNotPassAPageWhoseScriptDies(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("broken.html");
    Files.writeString(
        page,
        ReportPage.render(ReportFixture.report())
            .replace(
                "<script type=\"application/json\" id=\"report-data\">{",
                "<script type=\"application/json\" id=\"report-data\">{,"));

    HeadlessChromium.Run run = chromium.dumpDom(page.toUri().toString(), 10_000, dir);

    assertThat(HEALTH.matcher(run.stdout()).find()).isFalse();
    assertThat(run.stdout()).contains("<pre id=\"page-health\" data-state=\"pending\"");
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
