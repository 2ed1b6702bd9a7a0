package io.precursor.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StageTelemetryTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldServeTheStageMetricsInPrometheusTextOnLoopback() throws Exception {
    try (StageTelemetry telemetry =
        StageTelemetry.start("ingest", Map.of(ObservabilityConfig.HTTP_PORT, "0"))) {
      telemetry.registry().counter("precursor.test.records", "input", "files").increment(3);

      HttpResponse<String> metrics = get(telemetry.url().orElseThrow().resolve("metrics"));

      assertThat(telemetry.url().orElseThrow().getHost()).isEqualTo("127.0.0.1");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(metrics.body())
          .contains("precursor_test_records_total{input=\"files\",stage=\"ingest\"} 3.0")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void shouldAnswerReadyOnlyOnceEveryReadinessCheckPasses() throws Exception {
    AtomicBoolean running = new AtomicBoolean();
    try (StageTelemetry telemetry =
        StageTelemetry.start("streams", Map.of(ObservabilityConfig.HTTP_PORT, "0"))) {
      telemetry.readiness().add("kafka-streams-running", running::get);
      URI ready = telemetry.url().orElseThrow().resolve("health/ready");

      HttpResponse<String> before = get(ready);
      running.set(true);
      HttpResponse<String> after = get(ready);

      assertThat(before.statusCode()).isEqualTo(503);
      assertThat(before.body()).contains("\"kafka-streams-running\":\"DOWN\"");
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(after.body()).contains("\"status\":\"UP\"");
      assertThat(get(telemetry.url().orElseThrow().resolve("health/live")).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void shouldTreatAThrowingCheckAsFailing() {
    HealthChecks checks =
        new HealthChecks()
            .add("fine", () -> true)
            .add(
                "broken",
                () -> {
                  throw new IllegalStateException("boom");
                });

    assertThat(checks.healthy()).isFalse();
    assertThat(checks.results()).containsEntry("fine", true).containsEntry("broken", false);
  }

  @Test
  void shouldRefuseAPortOutOfRangeNamingTheSetting() {
    assertThatThrownBy(
            () -> new ObservabilityConfig(Map.of(ObservabilityConfig.HTTP_PORT, "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(ObservabilityConfig.HTTP_PORT);
  }

  @Test
  void shouldServeNothingWhenSwitchedOff() {
    try (StageTelemetry telemetry =
        StageTelemetry.start("alerting", Map.of(ObservabilityConfig.HTTP_ENABLED, "false"))) {
      assertThat(telemetry.url()).isEmpty();
      assertThat(telemetry.scrape()).contains("stage=\"alerting\"");
    }
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
