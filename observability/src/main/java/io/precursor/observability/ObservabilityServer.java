package io.precursor.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoints operators point Prometheus and the orchestrator at: {@code /metrics}
 * (Prometheus text format), {@code /health/live} and {@code /health/ready} (200 when healthy, 503
 * when not, with each check's result as JSON).
 */
public final class ObservabilityServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ObservabilityServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private ObservabilityServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on {@code host:port} (port 0 picks a free one). */
  public static ObservabilityServer start(
      String host,
      int port,
      PrometheusMeterRegistry registry,
      HealthChecks liveness,
      HealthChecks readiness) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot serve metrics on "
              + host
              + ":"
              + port
              + " ("
              + ObservabilityConfig.HTTP_HOST
              + ", "
              + ObservabilityConfig.HTTP_PORT
              + "): "
              + e.getMessage(),
          e);
    }
    server.createContext(
        "/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, registry::scrape));
    server.createContext("/health/live", exchange -> health(exchange, liveness));
    server.createContext("/health/ready", exchange -> health(exchange, readiness));
    // One thread: scrapes and probes are rare, and a slow one must not pile up threads.
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "precursor-observability-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    ObservabilityServer started = new ObservabilityServer(server, executor);
    LOG.info("Metrics at {}metrics, health at {}health/ready", started.url(), started.url());
    return started;
  }

  /** Base URL, ending with a slash, e.g. {@code http://127.0.0.1:9400/}. */
  public URI url() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort() + "/");
  }

  private static void health(HttpExchange exchange, HealthChecks checks) throws IOException {
    Map<String, Boolean> results = checks.results();
    boolean healthy = !results.containsValue(false);
    StringBuilder body = new StringBuilder("{\"status\":\"").append(healthy ? "UP" : "DOWN");
    body.append("\",\"checks\":{");
    String separator = "";
    for (Map.Entry<String, Boolean> result : results.entrySet()) {
      body.append(separator)
          .append('"')
          .append(result.getKey().replace("\"", "'"))
          .append("\":\"")
          .append(result.getValue() ? "UP" : "DOWN")
          .append('"');
      separator = ",";
    }
    body.append("}}\n");
    respond(exchange, healthy ? 200 : 503, "application/json", body::toString);
  }

  private static void respond(
      HttpExchange exchange, int status, String contentType, Supplier<String> body)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (RuntimeException e) {
      LOG.warn("Answering {} failed: {}", exchange.getRequestURI().getPath(), e.toString());
      throw e;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
