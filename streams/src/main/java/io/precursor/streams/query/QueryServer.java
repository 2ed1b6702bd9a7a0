package io.precursor.streams.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage's small read-only HTTP endpoint: {@code GET /risk}, {@code GET /incidents[?open=true]}
 * and {@code GET /precursors[?instance=X][&limit=N]} answer JSON from the state stores; 503 while
 * the stores cannot be read (starting, rebalancing, stopped).
 */
public final class QueryServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);

  static final int DEFAULT_LIMIT = 20;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final HttpServer server;
  private final ExecutorService executor;
  private final StageQueries queries;
  private final int maxLimit;

  private QueryServer(HttpServer server, StageQueries queries, int maxLimit) {
    this.server = server;
    this.queries = queries;
    this.maxLimit = maxLimit;
    // One thread: queries are small and rare; they must not compete with the stream threads.
    this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "precursor-query-http"));
    server.setExecutor(executor);
    server.createContext("/risk", exchange -> answer(exchange, params -> queries.risk()));
    server.createContext(
        "/incidents",
        exchange ->
            answer(exchange, params -> queries.incidents("true".equals(params.get("open")))));
    server.createContext(
        "/precursors",
        exchange ->
            answer(
                exchange,
                params -> queries.precursors(params.get("instance"), limit(params.get("limit")))));
  }

  /**
   * Starts serving {@code queries} on {@code host:port}.
   *
   * @param maxLimit the most precursors one answer holds (what the store keeps per instance)
   */
  public static QueryServer start(String host, int port, StageQueries queries, int maxLimit) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      QueryServer started = new QueryServer(server, queries, maxLimit);
      server.start();
      LOG.info("query endpoint listening on http://{}:{}", host, started.port());
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + host + ":" + port + " for the query endpoint: " + e.getMessage(),
          e);
    }
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private interface Query {
    Object answer(Map<String, String> params);
  }

  private void answer(HttpExchange exchange, Query query) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "GET");
        reply(exchange, 405, Map.of("error", "only GET is served"));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (!path.equals(exchange.getHttpContext().getPath())) {
        reply(exchange, 404, Map.of("error", "no such resource: " + path));
        return;
      }
      Object body;
      try {
        body = query.answer(params(exchange.getRequestURI().getRawQuery()));
      } catch (IllegalArgumentException e) {
        reply(exchange, 400, Map.of("error", e.getMessage()));
        return;
      } catch (StoresNotQueryable | InvalidStateStoreException e) {
        exchange.getResponseHeaders().add("Retry-After", "1");
        reply(exchange, 503, Map.of("error", e.getMessage()));
        return;
      }
      reply(exchange, 200, body);
    } catch (RuntimeException e) {
      LOG.warn("query {} failed", exchange.getRequestURI(), e);
      throw e;
    }
  }

  private int limit(String raw) {
    if (raw == null) {
      return Math.min(DEFAULT_LIMIT, maxLimit);
    }
    int limit;
    try {
      limit = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number, not " + raw);
    }
    if (limit < 1 || limit > maxLimit) {
      throw new IllegalArgumentException("limit must be between 1 and " + maxLimit);
    }
    return limit;
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes =
        JSON.writeValueAsBytes(body instanceof List<?> list ? Map.of("items", list) : body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
