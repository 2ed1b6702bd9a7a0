package io.precursor.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

  @Test
  void shouldPrintPlainLinesWithCountTotalRateAndDetailWhenNotATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong done = new AtomicLong();
    AtomicLong total = new AtomicLong(-1);

    try (ReplayProgress progress =
        ReplayProgress.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      progress.begin(
          new ProgressPhase(
              "ingest", "records", done::get, total::get, () -> "event time 2026-11-17 09:47Z"));
      String unknownTotal = progress.line(0, -1);
      assertThat(unknownTotal)
          .startsWith("replay: ingest 0 records, ")
          .endsWith("event time 2026-11-17 09:47Z");
      done.set(1_200_000);
      total.set(2_000_000);
      assertThat(progress.line(1_200_000, 2_000_000))
          .matches(
              "replay: ingest 1,200,000 of 2,000,000 records \\(60%\\), [\\d,]+ records/s, ETA .+,"
                  + " event time 2026-11-17 09:47Z");
      done.set(2_000_000);
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("replay: ingest started")
        .containsPattern("replay: ingest 2,000,000 of 2,000,000 records \\(100%\\).* - done");
  }

  @Test
  void shouldSayDurationsAsPeopleDo() {
    assertThat(RateEstimate.human(9)).isEqualTo("9 s");
    assertThat(RateEstimate.human(321)).isEqualTo("5 min 21 s");
    assertThat(RateEstimate.human(7_380)).isEqualTo("2 h 3 min");
    assertThat(new RateEstimate(0, 100).perSecond(2_000_000_000L, 300)).isEqualTo(100.0);
  }

  @Test
  void shouldPutTheJsonBesideTheHtmlReport() {
    assertThat(ReplayOutput.jsonBeside(Path.of("/tmp/out/report.html")))
        .isEqualTo(Path.of("/tmp/out/report.json"));
    assertThat(ReplayOutput.jsonBeside(Path.of("/tmp/out/seed-000.html")))
        .isEqualTo(Path.of("/tmp/out/seed-000.json"));
  }
}
