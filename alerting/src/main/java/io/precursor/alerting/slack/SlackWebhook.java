package io.precursor.alerting.slack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts messages to one Slack incoming webhook: paced by a token bucket, retried on 429 (after
 * Retry-After), 5xx and network errors with bounded backoff, and ending in a {@link
 * DeliveryOutcome} rather than an exception.
 */
public final class SlackWebhook {

  private static final Logger log = LoggerFactory.getLogger(SlackWebhook.class);
  private static final int REASON_MAX = 200;

  /**
   * How a webhook is paced and retried.
   *
   * @param perSecond sustained posts per second
   * @param burst posts allowed back to back
   * @param retry retry bounds
   * @param requestTimeout limit on connecting and on each request
   */
  public record Settings(double perSecond, int burst, RetryPolicy retry, Duration requestTimeout) {
    public Settings {
      if (!(perSecond > 0) || burst < 1) {
        throw new IllegalArgumentException("rate and burst must be positive");
      }
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive");
      }
    }
  }

  private final String name;
  private final WebhookUrl url;
  private final Settings settings;
  private final TimeSource time;
  private final RandomGenerator random;
  private final TokenBucket bucket;
  private final HttpClient http;
  private final AtomicLong rateLimitWaits = new AtomicLong();
  private final AtomicLong rateLimitWaitNanos = new AtomicLong();
  private final AtomicLong retryAfterPauses = new AtomicLong();

  /**
   * @param name the configured name of this webhook, used in logs and audit records instead of its
   *     URL
   */
  public SlackWebhook(String name, WebhookUrl url, Settings settings) {
    this(name, url, settings, TimeSource.system(), new Random());
  }

  /** A webhook whose waits go through {@code time} and whose jitter comes from {@code random}. */
  public SlackWebhook(
      String name, WebhookUrl url, Settings settings, TimeSource time, RandomGenerator random) {
    this.name = name;
    this.url = url;
    this.settings = settings;
    this.time = time;
    this.random = random;
    this.bucket = new TokenBucket(settings.perSecond(), settings.burst(), time);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.requestTimeout())
            // A webhook never redirects; following one could send the payload elsewhere.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The configured name, safe to log and record. */
  public String name() {
    return name;
  }

  /** Posts that waited for the token bucket (our pacing of Slack's ~1 message/s limit). */
  public long rateLimitWaits() {
    return rateLimitWaits.get();
  }

  /** Time spent waiting for the token bucket, in seconds. */
  public double rateLimitWaitSeconds() {
    return rateLimitWaitNanos.get() / 1e9;
  }

  /** Times Slack answered 429 with Retry-After and every post was held until then. */
  public long retryAfterPauses() {
    return retryAfterPauses.get();
  }

  /** Posts {@code message}, waiting for the rate limit and retrying within the bounds. */
  public DeliveryOutcome post(SlackMessage message) {
    return post(message.toJson());
  }

  /** Posts a JSON payload, waiting for the rate limit and retrying within the bounds. */
  public DeliveryOutcome post(String json) {
    RetryPolicy retry = settings.retry();
    Instant deadline = null;
    int attempts = 0;
    try {
      while (true) {
        Duration waited = bucket.acquire();
        if (!waited.isZero()) {
          rateLimitWaits.incrementAndGet();
          rateLimitWaitNanos.addAndGet(waited.toNanos());
        }
        attempts++;
        if (deadline == null) {
          deadline = time.now().plus(retry.maxElapsed());
        }
        Answer answer = send(json);
        if (answer.kind() == Answer.Kind.DELIVERED) {
          return DeliveryOutcome.delivered(attempts);
        }
        if (answer.kind() == Answer.Kind.PERMANENT) {
          log.warn("Slack webhook {} rejected a message: {}", name, answer.reason());
          return DeliveryOutcome.rejected(attempts, answer.reason());
        }
        if (attempts >= retry.maxAttempts()) {
          return gaveUp(attempts, answer.reason() + "; gave up after " + attempts + " attempts");
        }
        Duration wait = answer.retryAfter().orElse(retry.backoff(attempts, random.nextDouble()));
        Instant next = time.now().plus(wait);
        if (next.isAfter(deadline)) {
          return gaveUp(
              attempts,
              answer.reason()
                  + "; next attempt in "
                  + Phrasing.duration(wait)
                  + " would pass the retry time limit of "
                  + Phrasing.duration(retry.maxElapsed()));
        }
        log.info(
            "Slack webhook {}: attempt {} failed ({}), retrying in {} ms",
            name,
            attempts,
            answer.reason(),
            wait.toMillis());
        if (answer.retryAfter().isPresent()) {
          retryAfterPauses.incrementAndGet();
          // Slack asked every sender to hold off, not just this message.
          bucket.pauseUntil(next);
        } else {
          time.sleep(wait);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return gaveUp(attempts, "interrupted before the message was delivered");
    }
  }

  @Override
  public String toString() {
    return "SlackWebhook[" + name + " at " + url + "]";
  }

  private DeliveryOutcome gaveUp(int attempts, String reason) {
    log.warn("Slack webhook {}: message not delivered: {}", name, reason);
    return DeliveryOutcome.gaveUp(attempts, reason);
  }

  /** One HTTP exchange, classified. */
  private record Answer(Kind kind, String reason, Optional<Duration> retryAfter) {
    enum Kind {
      DELIVERED,
      RETRYABLE,
      PERMANENT
    }

    static Answer delivered() {
      return new Answer(Kind.DELIVERED, null, Optional.empty());
    }

    static Answer retryable(String reason) {
      return new Answer(Kind.RETRYABLE, reason, Optional.empty());
    }

    static Answer permanent(String reason) {
      return new Answer(Kind.PERMANENT, reason, Optional.empty());
    }
  }

  private Answer send(String json) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url.uri())
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      return Answer.retryable("connect timed out");
    } catch (HttpTimeoutException e) {
      return Answer.retryable("no answer within " + Phrasing.duration(settings.requestTimeout()));
    } catch (ConnectException e) {
      return Answer.retryable("connection refused or unreachable");
    } catch (IOException e) {
      return Answer.retryable("network error: " + describe(e));
    }
    int status = response.statusCode();
    String slackError = slackError(response.body());
    if (status >= 200 && status < 300) {
      return Answer.delivered();
    }
    if (status == 429) {
      return new Answer(Answer.Kind.RETRYABLE, "rate limited (HTTP 429)", retryAfter(response));
    }
    String reason = ("HTTP " + status + " " + slackError).strip();
    // 408 and 5xx are Slack's or a proxy's trouble; any other answer judges the payload itself.
    return status >= 500 || status == 408 ? Answer.retryable(reason) : Answer.permanent(reason);
  }

  // Slack says what was wrong in a short plain-text body, e.g. invalid_payload or no_text.
  private String slackError(String body) {
    if (body == null) {
      return "";
    }
    String line = SlackText.oneLine(body);
    return url.scrub(SlackText.truncatePlain(line, REASON_MAX));
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(String::strip)
        .filter(v -> v.matches("\\d{1,9}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v)));
  }

  // The class and scrubbed message, never a stack trace or the URL.
  private String describe(IOException e) {
    String message = e.getMessage() == null ? "" : ": " + url.scrub(e.getMessage());
    return SlackText.truncatePlain(e.getClass().getSimpleName() + message, REASON_MAX);
  }
}
