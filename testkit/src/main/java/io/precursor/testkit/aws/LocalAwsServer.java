package io.precursor.testkit.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK HTTP server on 127.0.0.1 that plays one AWS API for the real SDK client: it checks the
 * request is signed with the test credentials, answers scripted failures first, then the API.
 */
public abstract class LocalAwsServer implements AutoCloseable {

  /** A failure to answer instead of the next request. */
  public enum Failure {
    /** 400 with error code Throttling, which the SDK reports as throttling. */
    THROTTLING,
    /** 500, an internal error of the service. */
    SERVER_ERROR
  }

  private final HttpServer server;
  private final String signingName;
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();

  protected LocalAwsServer(String signingName) {
    this.signingName = signingName;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::exchange);
    server.start();
  }

  /** The URL to give the SDK as {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers the next requests with these failures, in order, before answering normally. */
  public synchronized void failNext(Failure... next) {
    failures.addAll(List.of(next));
  }

  /** Requests that did not follow the protocol, with what was wrong; tests expect none. */
  public List<String> protocolProblems() {
    return List.copyOf(problems);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Response response;
      synchronized (this) {
        String problem = signatureProblem(exchange);
        if (problem == null) {
          problem = protocolProblem(exchange, body);
        }
        if (problem != null) {
          problems.add(problem);
          response = badRequest(problem);
        } else if (!failures.isEmpty()) {
          response = failure(failures.poll());
        } else {
          response = answer(exchange, body);
        }
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
      exchange.sendResponseHeaders(response.status(), response.body().length);
      exchange.getResponseBody().write(response.body());
    } catch (RuntimeException e) {
      problems.add("stand-in failed: " + e);
      throw e;
    }
  }

  private String signatureProblem(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null
        || !authorization.startsWith(
            "AWS4-HMAC-SHA256 Credential=" + TestAwsCredentials.ACCESS_KEY_ID + "/")
        || !authorization.contains("/" + signingName + "/aws4_request")) {
      return "not signed for " + signingName + " with the test credentials: " + authorization;
    }
    return null;
  }

  /** What is wrong with the request's method, path, headers or body, or null. */
  protected abstract String protocolProblem(HttpExchange exchange, byte[] body);

  /** The API's answer to a well-formed request. */
  protected abstract Response answer(HttpExchange exchange, byte[] body);

  /** The protocol's shape of {@code failure}. */
  protected abstract Response failure(Failure failure);

  /** The protocol's shape of a client error saying {@code message}. */
  protected abstract Response badRequest(String message);

  /** A response: status, headers, body. */
  protected record Response(int status, Map<String, String> headers, byte[] body) {}
}
