package io.precursor.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.alerting.LogCapture;
import io.precursor.alerting.Samples;
import io.precursor.embedded.LocalSlackWebhook;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackWebhookIT {

  // LocalSlackWebhook's path stands for the secret part of a real webhook URL.
  private static final String SECRET_PATH = "/services/T00000000/B00000000/local";
  private static final Duration INITIAL = Duration.ofMillis(500);

  private final ManualTime time = new ManualTime(Instant.parse("2026-03-03T09:30:00Z"));
  private LocalSlackWebhook slack;
  private LogCapture logs;

  @BeforeEach
  void start() {
    slack = LocalSlackWebhook.start();
    logs = new LogCapture();
  }

  @AfterEach
  void stop() {
    logs.close();
    slack.close();
  }

  private SlackWebhook client(int burst, int maxAttempts, Duration maxElapsed, Duration timeout) {
    var retry = new RetryPolicy(maxAttempts, INITIAL, Duration.ofSeconds(8), maxElapsed);
    var settings = new SlackWebhook.Settings(1.0, burst, retry, timeout);
    return new SlackWebhook(
        "ops", WebhookUrl.parse(slack.url().toString()), settings, time, new Random(7));
  }

  private SlackWebhook client() {
    return client(3, 5, Duration.ofMinutes(2), Duration.ofSeconds(5));
  }

  @Test
  void shouldDeliverOnTheFirstAttemptWhenSlackSaysOk() {
    SlackMessage message = PrecursorMessage.of(Samples.precursor().build());

    DeliveryOutcome outcome = client().post(message);

    assertThat(outcome).isEqualTo(new DeliveryOutcome(DeliveryOutcome.Status.DELIVERED, 1, null));
    assertThat(slack.received()).containsExactly(message.toJson());
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void shouldHonourRetryAfterThenDeliverOnTheSecondAttempt() {
    slack.enqueueResponse(429, "rate_limited", Map.of("Retry-After", "7"));

    DeliveryOutcome outcome = client().post(PrecursorMessage.of(Samples.precursor().build()));

    assertThat(outcome.delivered()).isTrue();
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(slack.requestCount()).isEqualTo(2);
    assertThat(slack.received()).hasSize(1);
  }

  @Test
  void shouldMakeTheNextMessageWaitOutARetryAfterToo() {
    SlackWebhook webhook = client();
    slack.enqueueResponse(429, "rate_limited", Map.of("Retry-After", "30"));
    webhook.post(PrecursorMessage.of(Samples.precursor().build()));
    Instant afterPause = time.now();

    DeliveryOutcome next = webhook.post(IncidentMessage.of(Samples.incident().build()));

    assertThat(next.attempts()).isEqualTo(1);
    // Slack restarts its count after a pause: the burst is gone, one token a second remains.
    assertThat(afterPause).isEqualTo(Instant.parse("2026-03-03T09:30:30Z"));
    assertThat(slack.received()).hasSize(2);
  }

  @Test
  void shouldRetryServerErrorsWithGrowingJitteredBackoff() {
    slack.enqueueResponse(500, "internal_error", Map.of());
    slack.enqueueResponse(503, "service_unavailable", Map.of());

    DeliveryOutcome outcome = client().post(PrecursorMessage.of(Samples.precursor().build()));

    assertThat(outcome.delivered()).isTrue();
    assertThat(outcome.attempts()).isEqualTo(3);
    List<Duration> waits = time.sleeps();
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(INITIAL.dividedBy(2), INITIAL);
    assertThat(waits.get(1)).isBetween(INITIAL, INITIAL.multipliedBy(2));
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptWithTheLastError() {
    for (int i = 0; i < 3; i++) {
      slack.enqueueResponse(503, "service_unavailable", Map.of());
    }

    DeliveryOutcome outcome =
        client(3, 3, Duration.ofMinutes(2), Duration.ofSeconds(5))
            .post(PrecursorMessage.of(Samples.precursor().build()));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.GAVE_UP);
    assertThat(outcome.attempts()).isEqualTo(3);
    assertThat(outcome.reason()).contains("HTTP 503 service_unavailable", "3 attempts");
    assertThat(slack.received()).isEmpty();
  }

  @Test
  void shouldGiveUpWhenRetryAfterPassesTheTimeLimit() {
    slack.enqueueResponse(429, "rate_limited", Map.of("Retry-After", "600"));

    DeliveryOutcome outcome =
        client(3, 5, Duration.ofMinutes(2), Duration.ofSeconds(5))
            .post(PrecursorMessage.of(Samples.precursor().build()));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.GAVE_UP);
    assertThat(outcome.attempts()).isEqualTo(1);
    assertThat(outcome.reason()).contains("429", "retry time limit");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void shouldTreatInvalidPayloadAsPermanentWithSlacksReason() {
    slack.enqueueResponse(400, "invalid_payload", Map.of());

    DeliveryOutcome outcome = client().post("{\"blocks\": 1}");

    assertThat(outcome.permanent()).isTrue();
    assertThat(outcome.attempts()).isEqualTo(1);
    assertThat(outcome.failureReason()).contains("HTTP 400 invalid_payload");
    assertThat(slack.requestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void shouldQueueABurstBehindTheRateLimit() {
    SlackWebhook webhook = client(2, 5, Duration.ofMinutes(2), Duration.ofSeconds(5));
    List<String> sent = new ArrayList<>();

    for (int i = 0; i < 5; i++) {
      SlackMessage message = PrecursorMessage.of(Samples.precursor().setId("p-" + i).build());
      sent.add(message.toJson());
      assertThat(webhook.post(message).delivered()).isTrue();
    }

    assertThat(slack.received()).containsExactlyElementsOf(sent);
    assertThat(time.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void shouldKeepTheUrlPathOutOfEveryOutcomeAndLogLine() throws Exception {
    List<DeliveryOutcome> outcomes = new ArrayList<>();
    SlackWebhook webhook = client(3, 2, Duration.ofMinutes(2), Duration.ofMillis(300));
    // A proxy that echoes the request line in its error page.
    slack.enqueueResponse(502, "bad gateway for POST " + slack.url(), Map.of());
    slack.enqueueResponse(502, "bad gateway for " + SECRET_PATH, Map.of());
    outcomes.add(webhook.post("{}"));
    slack.enqueueResponse(404, "no_service " + SECRET_PATH, Map.of());
    outcomes.add(webhook.post("{}"));
    outcomes.add(silentServerClient().post("{}"));
    String url = slack.url().toString();
    slack.close();
    outcomes.add(webhook.post("{}"));

    assertThat(outcomes)
        .extracting(DeliveryOutcome::status)
        .containsExactly(
            DeliveryOutcome.Status.GAVE_UP,
            DeliveryOutcome.Status.REJECTED,
            DeliveryOutcome.Status.GAVE_UP,
            DeliveryOutcome.Status.GAVE_UP);
    assertThat(outcomes.get(2).reason()).contains("no answer within");
    assertThat(outcomes.get(3).reason()).contains("connection");
    List<String> texts = new ArrayList<>(logs.lines());
    outcomes.forEach(o -> texts.add(o.toString()));
    texts.add(webhook.toString());
    assertThat(logs.lines()).isNotEmpty();
    assertThat(texts).noneMatch(t -> t.contains(SECRET_PATH) || t.contains(url));
  }

  // A server that accepts connections and never answers, so every request times out.
  private SlackWebhook silentServerClient() throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<Socket> held = new ArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try (server) {
                while (true) {
                  held.add(server.accept());
                }
              } catch (IOException closed) {
                // the test is over
              }
            },
            "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
    var retry = new RetryPolicy(2, INITIAL, Duration.ofSeconds(8), Duration.ofMinutes(2));
    var settings = new SlackWebhook.Settings(1.0, 3, retry, Duration.ofMillis(300));
    String url = "http://127.0.0.1:" + server.getLocalPort() + SECRET_PATH;
    return new SlackWebhook("ops", WebhookUrl.parse(url), settings, time, new Random(7));
  }
}
