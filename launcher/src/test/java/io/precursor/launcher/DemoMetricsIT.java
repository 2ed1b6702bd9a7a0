package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo with {@code --observe}: each stage's /metrics, scraped over HTTP while it runs, shows
 * its domain metrics moving, and each stage's readiness turns to 200.
 */
class DemoMetricsIT {

  private static final Pattern ENDPOINT =
      Pattern.compile("METRICS +(ingest|streams|alerting) +(http://\\S+/)metrics");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void shouldShowEachStagesDomainMetricsMovingAndTurnReadyDuringTheDemo() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    AtomicInteger exit = new AtomicInteger(-1);
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Thread demo =
        new Thread(
            () ->
                exit.set(
                    Precursor.commandLine()
                        .execute("demo", "--observe", "--linger", "PT5M", "--timeout", "PT5M")),
            "demo-under-test");
    try {
      demo.start();
      Map<String, URI> stages = new HashMap<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Matcher m = ENDPOINT.matcher(output(captured));
                while (m.find()) {
                  stages.put(m.group(1), URI.create(m.group(2)));
                }
                return stages.size() == 3;
              });
      stages.values().forEach(url -> assertThat(url.getHost()).isEqualTo("127.0.0.1"));

      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                assertThat(
                        sum(
                            scrape(stages.get("ingest")),
                            "precursor_ingest_records_in_total",
                            "input=\"subscription\""))
                    .isGreaterThan(0);
                assertThat(
                        sum(
                            scrape(stages.get("streams")),
                            "precursor_streams_precursors_total",
                            "kind=\"BULK_DML_MEMORY_PRESSURE\""))
                    .isGreaterThan(0);
                assertThat(
                        sum(
                            scrape(stages.get("alerting")),
                            "precursor_alerting_action_attempts_total",
                            "action=\"slack_message\""))
                    .isGreaterThan(0);
                // The incident links the precursor once the failover is processed.
                assertThat(
                        sum(
                            scrape(stages.get("streams")),
                            "precursor_streams_lead_time_seconds_count",
                            ""))
                    .isGreaterThan(0);
              });

      String streams = scrape(stages.get("streams"));
      assertThat(sum(streams, "precursor_streams_incidents_total", "")).isGreaterThan(0);
      assertThat(sum(streams, "precursor_streams_lead_time_seconds_sum", ""))
          .as("lead time of at least 5 minutes, as the demo prints")
          .isGreaterThanOrEqualTo(300);
      assertThat(streams).contains("kafka_stream_thread_"); // Kafka Streams' own metrics
      String ingest = scrape(stages.get("ingest"));
      assertThat(sum(ingest, "precursor_ingest_records_out_total", "topic=\"slowlog\""))
          .isGreaterThan(0);
      assertThat(ingest).contains("precursor_ingest_dead_letters_total{reason=\"");
      String alerting = scrape(stages.get("alerting"));
      assertThat(sum(alerting, "precursor_alerting_action_outcomes_total", "outcome=\"delivered\""))
          .isGreaterThan(0);
      assertThat(alerting).contains("kafka_consumer_");

      for (String stage : stages.keySet()) {
        HttpResponse<String> ready = get(stages.get(stage).resolve("health/ready"));
        assertThat(ready.statusCode()).as("%s ready: %s", stage, ready.body()).isEqualTo(200);
        assertThat(get(stages.get(stage).resolve("health/live")).statusCode()).isEqualTo(200);
      }
      assertThat(get(stages.get("streams").resolve("health/ready")).body())
          .contains("\"kafka-streams-running\":\"UP\"");
      assertThat(get(stages.get("alerting").resolve("health/ready")).body())
          .contains("\"consumer-assigned\":\"UP\"");
      // The metrics may move before the demo's outcome is complete: stop it only once it lingers.
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> output(captured).contains("Lingering"));
    } finally {
      demo.interrupt(); // ends the linger; the stages close in order
      demo.join(Duration.ofSeconds(90).toMillis());
      System.setOut(original);
      original.print(output(captured));
    }
    assertThat(exit.get()).isZero();
  }

  private static String output(ByteArrayOutputStream captured) {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  private static String scrape(URI stage) throws Exception {
    HttpResponse<String> response = get(stage.resolve("metrics"));
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sum of the samples of {@code metric} whose labels contain {@code label}. */
  private static double sum(String exposition, String metric, String label) {
    double total = 0;
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)\\} (\\S+)$")
            .matcher(exposition);
    while (m.find()) {
      if (m.group(1).contains(label)) {
        total += Double.parseDouble(m.group(2));
      }
    }
    return total;
  }
}
