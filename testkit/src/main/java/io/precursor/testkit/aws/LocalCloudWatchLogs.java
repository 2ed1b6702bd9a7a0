package io.precursor.testkit.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudWatch Logs' FilterLogEvents as the AWS SDK v2 2.41 calls it: the awsJson1.1 protocol, i.e.
 * {@code POST /} with {@code X-Amz-Target: Logs_20140328.FilterLogEvents} and {@code Content-Type:
 * application/x-amz-json-1.1}, a JSON object in and out, times in epoch milliseconds, errors as
 * {@code __type} and {@code message}.
 *
 * <p>It holds log events by log group, answers {@code [startTime, endTime]} (both inclusive, as the
 * API documents) of the requested streams interleaved in time order, and pages after {@code limit}
 * or {@link #pageCapacity} events, whichever is smaller, with a {@code nextToken}. Like the real
 * service it can answer a page with no events but a token ({@link #emptyPagesFirst}), which a
 * reader must follow.
 */
public final class LocalCloudWatchLogs extends LocalAwsServer {

  public static final String TARGET = "Logs_20140328.FilterLogEvents";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stored log event. */
  public record StoredEvent(
      String logStream, long timestamp, String message, long ingestionTime, String eventId) {}

  private final Map<String, List<StoredEvent>> groups = new HashMap<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private final Map<String, String> tokens = new HashMap<>();
  private int pageCapacity = 10_000;
  private int emptyPagesFirst;

  public LocalCloudWatchLogs() {
    super("logs");
  }

  /** Adds an event to {@code logGroup}; it arrived ({@code ingestionTime}) a second later. */
  public synchronized void put(
      String logGroup, String logStream, String eventId, long timestamp, String message) {
    groups
        .computeIfAbsent(logGroup, g -> new ArrayList<>())
        .add(new StoredEvent(logStream, timestamp, message, timestamp + 1000, eventId));
  }

  /** At most this many events per response; more come with a nextToken. */
  public synchronized void pageCapacity(int events) {
    this.pageCapacity = events;
  }

  /** Answers the first {@code pages} requests of each query with no events and a nextToken. */
  public synchronized void emptyPagesFirst(int pages) {
    this.emptyPagesFirst = pages;
  }

  /** Every well-formed request's body, in order. */
  public synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** The log groups that hold events. */
  public synchronized Set<String> logGroups() {
    return Set.copyOf(groups.keySet());
  }

  @Override
  protected String protocolProblem(HttpExchange exchange, byte[] body) {
    var headers = exchange.getRequestHeaders();
    if (!exchange.getRequestMethod().equals("POST")
        || !exchange.getRequestURI().getPath().equals("/")) {
      return "expected POST /, got " + exchange.getRequestMethod() + " " + exchange.getRequestURI();
    }
    if (!TARGET.equals(headers.getFirst("X-Amz-Target"))
        || !"application/x-amz-json-1.1".equals(headers.getFirst("Content-Type"))) {
      return "expected X-Amz-Target "
          + TARGET
          + " and Content-Type application/x-amz-json-1.1, got "
          + headers.entrySet();
    }
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      return "body is not JSON: " + e.getMessage();
    }
    if (request == null || !request.isObject()) {
      return "body is not a JSON object";
    }
    boolean named = request.hasNonNull("logGroupName");
    if (named == request.hasNonNull("logGroupIdentifier")) {
      return "exactly one of logGroupName and logGroupIdentifier is needed: " + request;
    }
    if (request.has("logStreamNames") && request.has("logStreamNamePrefix")) {
      return "logStreamNames and logStreamNamePrefix cannot both be given";
    }
    if (request.has("logStreamNames")
        && (request.path("logStreamNames").isEmpty()
            || request.path("logStreamNames").size() > 100)) {
      return "logStreamNames must hold 1 to 100 names";
    }
    for (String time : List.of("startTime", "endTime")) {
      if (request.has(time) && !request.path(time).canConvertToLong()) {
        return time + " must be epoch milliseconds, was " + request.path(time);
      }
    }
    if (request.has("limit")
        && (request.path("limit").asInt() < 1 || request.path("limit").asInt() > 10_000)) {
      return "limit must be 1 to 10000, was " + request.path("limit");
    }
    String token = request.path("nextToken").asText(null);
    if (token != null && !fingerprint(request).equals(tokens.get(token))) {
      return "nextToken " + token + " was not issued for this query";
    }
    return null;
  }

  @Override
  protected Response answer(HttpExchange exchange, byte[] body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    requests.add(request);
    String group =
        request.hasNonNull("logGroupName")
            ? request.path("logGroupName").asText()
            : request.path("logGroupIdentifier").asText();
    if (!groups.containsKey(group)) {
      return error(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }
    Set<String> streams = new HashSet<>();
    request.path("logStreamNames").forEach(s -> streams.add(s.asText()));
    String prefix = request.path("logStreamNamePrefix").asText("");
    long start = request.path("startTime").asLong(Long.MIN_VALUE);
    long end = request.path("endTime").asLong(Long.MAX_VALUE);
    List<StoredEvent> matching =
        groups.get(group).stream()
            .filter(e -> streams.isEmpty() || streams.contains(e.logStream()))
            .filter(e -> e.logStream().startsWith(prefix))
            .filter(e -> e.timestamp() >= start && e.timestamp() <= end)
            .sorted(Comparator.comparingLong(StoredEvent::timestamp))
            .toList();

    // Tokens are "<query number>:<empty pages answered>:<offset>".
    String token = request.path("nextToken").asText(null);
    String[] state =
        token == null ? new String[] {"" + requests.size(), "0", "0"} : token.split(":");
    int emptyAnswered = Integer.parseInt(state[1]);
    int offset = Integer.parseInt(state[2]);
    int size = Math.min(pageCapacity, request.path("limit").asInt(10_000));
    ObjectNode response = JSON.createObjectNode();
    ArrayNode events = response.putArray("events");
    String next;
    if (emptyAnswered < emptyPagesFirst) {
      next = state[0] + ":" + (emptyAnswered + 1) + ":" + offset;
    } else {
      int until = Math.min(matching.size(), offset + size);
      for (StoredEvent e : matching.subList(offset, until)) {
        ObjectNode event = events.addObject();
        event.put("logStreamName", e.logStream());
        event.put("timestamp", e.timestamp());
        event.put("message", e.message());
        event.put("ingestionTime", e.ingestionTime());
        event.put("eventId", e.eventId());
      }
      next = until < matching.size() ? state[0] + ":" + emptyAnswered + ":" + until : null;
    }
    response.putArray("searchedLogStreams");
    if (next != null) {
      tokens.put(next, fingerprint(request));
      response.put("nextToken", next);
    }
    return json(200, response.toString());
  }

  @Override
  protected Response failure(Failure failure) {
    return switch (failure) {
      case THROTTLING -> error(400, "ThrottlingException", "Rate exceeded");
      case SERVER_ERROR -> error(500, "ServiceUnavailableException", "Service unavailable");
    };
  }

  @Override
  protected Response badRequest(String message) {
    return error(400, "InvalidParameterException", message);
  }

  private static Response error(int status, String type, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("__type", type);
    body.put("message", message);
    return json(status, body.toString());
  }

  private static Response json(int status, String body) {
    return new Response(
        status,
        Map.of("Content-Type", "application/x-amz-json-1.1"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** What a token is valid for: the same query, only the token differs. */
  private static String fingerprint(JsonNode request) {
    ObjectNode copy = ((ObjectNode) request).deepCopy();
    copy.remove("nextToken");
    return copy.toString();
  }
}
