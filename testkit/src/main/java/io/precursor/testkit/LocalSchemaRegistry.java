package io.precursor.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback HTTP server speaking the subset of the Confluent Schema Registry REST API Precursor's
 * client uses, with Confluent's status codes and error bodies; unlike {@code mock://}, processes
 * other than the test JVM can share it.
 */
public final class LocalSchemaRegistry implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Map<String, Integer>> subjects = new HashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();

  /** Starts the registry on a free loopback port. */
  public LocalSchemaRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The {@code schema.registry.url} of this registry. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The Authorization header of each request, "" when it had none. */
  public synchronized List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** The requests served so far, as {@code METHOD /path}. */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      requests.add(exchange.getRequestMethod() + " " + path);
      authorizations.add(
          String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
              .replace("null", ""));
      String[] parts = path.substring(1).split("/");
      if ("GET".equals(exchange.getRequestMethod())
          && parts.length == 3
          && parts[0].equals("schemas")
          && parts[1].equals("ids")) {
        String schema = schemasById.get(Integer.parseInt(parts[2]));
        if (schema == null) {
          reply(exchange, 404, Map.of("error_code", 40403, "message", "Schema not found"));
        } else {
          reply(exchange, 200, Map.of("schema", schema));
        }
        return;
      }
      if ("POST".equals(exchange.getRequestMethod()) && parts[0].equals("subjects")) {
        String subject = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String schema = body.path("schema").asText();
        if (parts.length == 3 && parts[2].equals("versions")) {
          int id = idsBySchema.computeIfAbsent(schema, s -> idsBySchema.size() + 1);
          schemasById.put(id, schema);
          subjects.computeIfAbsent(subject, s -> new HashMap<>()).put(schema, id);
          reply(exchange, 200, Map.of("id", id));
          return;
        }
        Integer id = subjects.getOrDefault(subject, Map.of()).get(schema);
        if (id == null) {
          reply(exchange, 404, Map.of("error_code", 40403, "message", "Schema not found"));
        } else {
          reply(exchange, 200, Map.of("subject", subject, "id", id, "version", 1));
        }
        return;
      }
      reply(exchange, 404, Map.of("error_code", 404, "message", "HTTP 404 Not Found"));
    }
  }

  private static void reply(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
