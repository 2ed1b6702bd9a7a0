package io.precursor.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local HTTP server that answers like a Slack incoming webhook ({@code 200 ok}), standing in for
 * Slack in the demo and the tests; it records what it accepted and can be scripted to refuse (429
 * with Retry-After, 5xx, 4xx).
 */
public final class LocalSlackWebhook implements AutoCloseable {

  /** A scripted answer to one request; {@code hang} is how long to wait before answering. */
  public record Response(int status, String body, Map<String, String> headers, Duration hang) {
    public Response(int status, String body, Map<String, String> headers) {
      this(status, body, headers, Duration.ZERO);
    }
  }

  /** One request as it arrived and how it was answered. */
  public record Request(Instant at, int status) {}

  private static final String PATH = "/services/T00000000/B00000000/local";

  private final HttpServer server;
  private final List<String> accepted = new ArrayList<>();
  private final Deque<Response> scripted = new ArrayDeque<>();
  private final List<Request> log = new ArrayList<>();
  private volatile Consumer<String> onAccepted = body -> {};
  // An outage: every request gets this status until recover(); 0 when up.
  private int outageStatus;
  private int requests;
  // Slack's limit when set (about one a second, short bursts): more gets 429 Retry-After.
  private double limitPerSecond;
  private double limitTokens;
  private long limitRefilledNanos;
  private int limitBurst;

  private LocalSlackWebhook(HttpServer server) {
    this.server = server;
  }

  /** Starts a webhook on a free loopback port. */
  public static LocalSlackWebhook start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      LocalSlackWebhook webhook = new LocalSlackWebhook(server);
      server.createContext("/", webhook::handle);
      server.setExecutor(
          // Several threads, so a scripted hang holds up only its own request.
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "local-slack-webhook");
                t.setDaemon(true);
                return t;
              }));
      server.start();
      return webhook;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the local Slack webhook: " + e, e);
    }
  }

  /** The webhook URL to post to. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** Bodies of the posts answered with 200, in arrival order. */
  public synchronized List<String> received() {
    return List.copyOf(accepted);
  }

  /** Every request seen, refused ones included. */
  public synchronized int requestCount() {
    return requests;
  }

  /** Queues an answer for the next request that has none scripted before it. */
  public synchronized void enqueueResponse(int status, String body, Map<String, String> headers) {
    scripted.addLast(new Response(status, body, Map.copyOf(headers)));
  }

  /**
   * Queues a request that gets no answer for {@code hang} (then a 503), as a Slack that hangs: the
   * client's own timeout should give up on it first.
   */
  public synchronized void enqueueHang(Duration hang) {
    scripted.addLast(new Response(503, "hung", Map.of(), hang));
  }

  /** Answers every request with {@code status} (e.g. 500) until {@link #recover()}. */
  public synchronized void failWith(int status) {
    this.outageStatus = status;
  }

  /** Ends an outage begun with {@link #failWith}. */
  public synchronized void recover() {
    this.outageStatus = 0;
  }

  /** Every request in arrival order, with the status it got. */
  public synchronized List<Request> requests() {
    return List.copyOf(log);
  }

  /**
   * Answers like Slack's rate limit: {@code perSecond} posts a second with bursts of {@code burst};
   * a post over the limit gets 429 with Retry-After of one second.
   */
  public synchronized void rateLimit(double perSecond, int burst) {
    this.limitPerSecond = perSecond;
    this.limitBurst = burst;
    this.limitTokens = burst;
    this.limitRefilledNanos = System.nanoTime();
  }

  /** Called with each accepted body, on the server thread. */
  public void onAccepted(Consumer<String> listener) {
    this.onAccepted = listener;
  }

  private boolean overLimit() {
    if (limitPerSecond <= 0) {
      return false;
    }
    long now = System.nanoTime();
    limitTokens =
        Math.min(limitBurst, limitTokens + (now - limitRefilledNanos) / 1e9 * limitPerSecond);
    limitRefilledNanos = now;
    if (limitTokens >= 1) {
      limitTokens -= 1;
      return false;
    }
    return true;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Response response = answer(exchange, body);
      if (!response.hang().isZero()) {
        try {
          // Stands for a server that does not answer; the client under test times out meanwhile.
          Thread.sleep(response.hang().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private Response answer(HttpExchange exchange, String body) {
    Response response;
    synchronized (this) {
      requests++;
      if (!"POST".equals(exchange.getRequestMethod())) {
        return new Response(405, "invalid_method", Map.of());
      }
      if (!PATH.equals(exchange.getRequestURI().getPath())) {
        return new Response(404, "no_service", Map.of());
      }
      if (outageStatus != 0) {
        response = new Response(outageStatus, "outage", Map.of());
      } else {
        response = scripted.isEmpty() ? new Response(200, "ok", Map.of()) : scripted.removeFirst();
      }
      if (response.status() == 200 && overLimit()) {
        response = new Response(429, "rate_limited", Map.of("Retry-After", "1"));
      }
      if (response.status() == 200) {
        accepted.add(body);
      }
      log.add(new Request(Instant.now(), response.status()));
    }
    if (response.status() == 200) {
      onAccepted.accept(body);
    }
    return response;
  }
}
