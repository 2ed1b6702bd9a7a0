package io.precursor.testkit.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CloudWatch's GetMetricData as the AWS SDK v2 2.41 calls it: Smithy RPCv2 CBOR, i.e. {@code POST
 * /service/GraniteServiceVersion20100801/operation/GetMetricData} with {@code smithy-protocol:
 * rpc-v2-cbor}, {@code Content-Type: application/cbor} and {@code x-amzn-query-mode: true}, a CBOR
 * map in and out, timestamps as CBOR tag 1 epoch seconds, and errors as {@code __type} plus the
 * {@code x-amzn-query-error: Code;Type} header of query-compatible services.
 *
 * <p>It holds AWS/RDS datapoints by metric, dimensions and statistic, answers the queries' windows
 * newest first, and pages after {@link #pageCapacity} datapoints with a {@code NextToken}.
 */
public final class LocalCloudWatch extends LocalAwsServer {

  public static final String PATH =
      "/service/GraniteServiceVersion20100801/operation/GetMetricData";

  private static final CBORFactory CBOR = new CBORFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(CBOR);
  private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

  /** A series as GetMetricData names it. */
  public record Series(String metric, Map<String, String> dimensions, String statistic) {
    public Series {
      dimensions = Map.copyOf(dimensions);
    }
  }

  private final Map<Series, NavigableMap<Instant, Double>> data = new HashMap<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private final Map<String, String> tokens = new HashMap<>();
  private int pageCapacity = 100_800;

  public LocalCloudWatch() {
    super("monitoring");
  }

  /** Sets the datapoint of an instance's metric (Average) at {@code time}. */
  public synchronized void putInstance(String instance, String metric, Instant time, double value) {
    put(new Series(metric, Map.of("DBInstanceIdentifier", instance), "Average"), time, value);
  }

  /** Sets the datapoint of a cluster's metric (Average) at {@code time}. */
  public synchronized void putCluster(String cluster, String metric, Instant time, double value) {
    put(new Series(metric, Map.of("DBClusterIdentifier", cluster), "Average"), time, value);
  }

  /** Sets a datapoint, replacing any value at that time (how a revision looks to a reader). */
  public synchronized void put(Series series, Instant time, double value) {
    data.computeIfAbsent(series, s -> new TreeMap<>()).put(time, value);
  }

  /** At most this many datapoints per response; more come with a NextToken. */
  public synchronized void pageCapacity(int datapoints) {
    this.pageCapacity = datapoints;
  }

  /** Every well-formed request's body, decoded from CBOR, in order. */
  public synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  @Override
  protected String protocolProblem(HttpExchange exchange, byte[] body) {
    if (!exchange.getRequestMethod().equals("POST")
        || !exchange.getRequestURI().getPath().equals(PATH)) {
      return "expected POST "
          + PATH
          + ", got "
          + exchange.getRequestMethod()
          + " "
          + exchange.getRequestURI();
    }
    var headers = exchange.getRequestHeaders();
    if (!"rpc-v2-cbor".equals(headers.getFirst("smithy-protocol"))
        || !"application/cbor".equals(headers.getFirst("Content-Type"))
        || !"true".equals(headers.getFirst("x-amzn-query-mode"))) {
      return "expected smithy-protocol rpc-v2-cbor, Content-Type application/cbor and"
          + " x-amzn-query-mode true, got "
          + headers.entrySet();
    }
    JsonNode request;
    try {
      request = MAPPER.readTree(body);
    } catch (IOException e) {
      return "body is not CBOR: " + e.getMessage();
    }
    JsonNode queries = request.path("MetricDataQueries");
    if (!queries.isArray() || queries.isEmpty() || queries.size() > 500) {
      return "MetricDataQueries must hold 1 to 500 queries, has " + queries.size();
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode query : queries) {
      String id = query.path("Id").asText();
      if (!QUERY_ID.matcher(id).matches() || !ids.add(id)) {
        return "query id " + id + " is not a unique [a-z][a-zA-Z0-9_]* id";
      }
      JsonNode stat = query.path("MetricStat");
      if (stat.path("Period").asInt() % 60 != 0
          || !"AWS/RDS".equals(stat.path("Metric").path("Namespace").asText())) {
        return "query " + id + " is not an AWS/RDS metric at a whole minute: " + query;
      }
    }
    if (!request.path("StartTime").isNumber()
        || !request.path("EndTime").isNumber()
        || request.path("StartTime").asDouble() >= request.path("EndTime").asDouble()) {
      return "StartTime must be before EndTime, both epoch seconds: " + request;
    }
    String token = request.path("NextToken").asText(null);
    if (token != null && !fingerprint(request).equals(tokens.get(token))) {
      return "NextToken " + token + " was not issued for these queries and window";
    }
    return null;
  }

  @Override
  protected Response answer(HttpExchange exchange, byte[] body) {
    JsonNode request;
    try {
      request = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    requests.add(request);
    Instant start = epoch(request.path("StartTime"));
    Instant end = epoch(request.path("EndTime"));
    record Point(int query, Instant time, double value) {}
    List<Point> points = new ArrayList<>();
    JsonNode queries = request.path("MetricDataQueries");
    int[] perQuery = new int[queries.size()];
    for (int q = 0; q < queries.size(); q++) {
      NavigableMap<Instant, Double> series = data.get(series(queries.get(q).path("MetricStat")));
      if (series == null) {
        continue;
      }
      // GetMetricData lists the newest first unless ScanBy says otherwise.
      for (var point : series.subMap(start, true, end, false).descendingMap().entrySet()) {
        points.add(new Point(q, point.getKey(), point.getValue()));
        perQuery[q]++;
      }
    }
    String token = request.path("NextToken").asText(null);
    int offset = token == null ? 0 : Integer.parseInt(token.substring(token.indexOf(':') + 1));
    int until = Math.min(points.size(), offset + pageCapacity);
    List<Point> page = points.subList(offset, until);
    int[] seenBefore = new int[queries.size()];
    points.subList(0, offset).forEach(p -> seenBefore[p.query()]++);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator g = CBOR.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("MetricDataResults");
      for (int q = 0; q < queries.size(); q++) {
        int query = q;
        List<Point> mine = page.stream().filter(p -> p.query() == query).toList();
        boolean emptySeries = perQuery[q] == 0 && offset == 0;
        if (mine.isEmpty() && !emptySeries) {
          continue;
        }
        boolean more = seenBefore[q] + mine.size() < perQuery[q];
        g.writeStartObject();
        g.writeStringField("Id", queries.get(q).path("Id").asText());
        g.writeStringField(
            "Label", queries.get(q).path("MetricStat").path("Metric").path("MetricName").asText());
        g.writeStringField("StatusCode", more ? "PartialData" : "Complete");
        g.writeArrayFieldStart("Timestamps");
        for (Point p : mine) {
          g.writeTag(1);
          g.writeNumber(p.time().getEpochSecond());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("Values");
        for (Point p : mine) {
          g.writeNumber(p.value());
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("Messages");
      g.writeEndArray();
      if (until < points.size()) {
        String next = "page-" + requests.size() + ":" + until;
        tokens.put(next, fingerprint(request));
        g.writeStringField("NextToken", next);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cbor(200, null, out.toByteArray());
  }

  @Override
  protected Response failure(Failure failure) {
    return switch (failure) {
      case THROTTLING -> error(400, "Throttling", "Sender", "Throttling", "Rate exceeded");
      case SERVER_ERROR ->
          error(
              500,
              "InternalServiceError",
              "Receiver",
              "com.amazonaws.cloudwatch#InternalServiceFault",
              "Internal service error");
    };
  }

  @Override
  protected Response badRequest(String message) {
    return error(
        400,
        "InvalidParameterValue",
        "Sender",
        "com.amazonaws.cloudwatch#InvalidParameterValueException",
        message);
  }

  private static Response error(
      int status, String code, String type, String shape, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator g = CBOR.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("__type", shape);
      g.writeStringField("message", message);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cbor(status, code + ";" + type, out.toByteArray());
  }

  private static Response cbor(int status, String queryError, byte[] body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("smithy-protocol", "rpc-v2-cbor");
    headers.put("Content-Type", "application/cbor");
    if (queryError != null) {
      headers.put("x-amzn-query-error", queryError);
    }
    return new Response(status, headers, body);
  }

  private static Series series(JsonNode metricStat) {
    Map<String, String> dimensions = new HashMap<>();
    for (JsonNode d : metricStat.path("Metric").path("Dimensions")) {
      dimensions.put(d.path("Name").asText(), d.path("Value").asText());
    }
    return new Series(
        metricStat.path("Metric").path("MetricName").asText(),
        dimensions,
        metricStat.path("Stat").asText());
  }

  private static String fingerprint(JsonNode request) {
    return request.path("MetricDataQueries").toString()
        + request.path("StartTime")
        + request.path("EndTime");
  }

  /** Epoch seconds, whole or fractional, as an instant. */
  public static Instant epoch(JsonNode seconds) {
    double value = seconds.asDouble();
    long whole = (long) Math.floor(value);
    return Instant.ofEpochSecond(whole, Math.round((value - whole) * 1e9));
  }
}
