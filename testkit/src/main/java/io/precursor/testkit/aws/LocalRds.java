package io.precursor.testkit.aws;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * RDS's DescribeEvents, DescribeDBClusters, DescribeDBInstances, CreateDBClusterSnapshot and
 * CreateDBSnapshot as the AWS SDK v2 2.41 calls them: the AWS Query protocol, i.e. a form-encoded
 * {@code POST /} with {@code Action} and {@code Version=2014-10-31}, answered with XML in the
 * {@code http://rds.amazonaws.com/doc/2014-10-31/} namespace, errors as {@code
 * <ErrorResponse><Error><Type/><Code/><Message/>}.
 *
 * <p>It filters events by source type and time and clusters and instances by engine, and pages with
 * {@code Marker} after {@code MaxRecords} or {@link #maxPerPage}, whichever is smaller. It creates
 * snapshots of the clusters and instances it was given, checks the identifier against RDS's naming
 * rules, answers {@code DBClusterSnapshotAlreadyExistsFault} / {@code DBSnapshotAlreadyExists} for
 * an identifier already used, and {@code InvalidDBClusterStateFault} while a cluster is failing
 * over.
 */
public final class LocalRds extends LocalAwsServer {

  private static final String NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";

  /** An RDS event as DescribeEvents lists it. */
  public record RdsEvent(
      String sourceId,
      String sourceType,
      String message,
      List<String> categories,
      Instant date,
      String sourceArn) {}

  /** An instance of a cluster. */
  public record Member(String instance, boolean writer) {}

  /** A DB cluster. */
  public record Cluster(String id, String engine, List<Member> members, Map<String, String> tags) {}

  /** A DB instance; {@code cluster} may be null. */
  public record Instance(String id, String cluster, String engine, Map<String, String> tags) {}

  /** A request as the server read it. */
  public record Call(String action, Map<String, String> params) {}

  /**
   * A snapshot created here.
   *
   * @param cluster true for a DB cluster snapshot, false for a DB instance snapshot
   * @param identifier the snapshot identifier
   * @param source the DB cluster or instance identifier
   * @param tags the tags given at creation
   */
  public record Snapshot(
      boolean cluster, String identifier, String source, Map<String, String> tags) {}

  private final List<RdsEvent> events = new ArrayList<>();
  private final List<Cluster> clusters = new ArrayList<>();
  private final List<Instance> instances = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Snapshot> snapshots = new ArrayList<>();
  private final Map<String, Integer> failingOver = new HashMap<>();
  private final Map<String, Deque<Failure>> failingActions = new HashMap<>();
  private int maxPerPage = 100;

  public LocalRds() {
    super("rds");
  }

  public synchronized void add(RdsEvent event) {
    events.add(event);
  }

  public synchronized void add(Cluster cluster) {
    clusters.add(cluster);
  }

  public synchronized void add(Instance instance) {
    instances.add(instance);
  }

  /**
   * Answers the next requests of {@code action} with these failures, in order, before answering it
   * normally; other actions are answered as usual.
   */
  public synchronized void failNext(String action, Failure... next) {
    failingActions.computeIfAbsent(action, a -> new ArrayDeque<>()).addAll(List.of(next));
  }

  /** Pages hold at most this many items, even when MaxRecords allows more. */
  public synchronized void maxPerPage(int items) {
    this.maxPerPage = items;
  }

  /**
   * Answers the next {@code times} snapshot requests for {@code cluster} with
   * InvalidDBClusterStateFault, as RDS does while the cluster fails over.
   */
  public synchronized void failOver(String cluster, int times) {
    failingOver.put(cluster, times);
  }

  /** The snapshots created, in order; a refused request creates none. */
  public synchronized List<Snapshot> snapshots() {
    return List.copyOf(snapshots);
  }

  /** Every well-formed request, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The well-formed requests of {@code action}, in order. */
  public synchronized List<Call> calls(String action) {
    return calls.stream().filter(c -> c.action().equals(action)).toList();
  }

  @Override
  protected String protocolProblem(HttpExchange exchange, byte[] body) {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!exchange.getRequestMethod().equals("POST")
        || !exchange.getRequestURI().getPath().equals("/")
        || contentType == null
        || !contentType.startsWith("application/x-www-form-urlencoded")) {
      return "expected a form-encoded POST /, got "
          + exchange.getRequestMethod()
          + " "
          + exchange.getRequestURI()
          + " "
          + contentType;
    }
    Map<String, String> params = form(body);
    if (!"2014-10-31".equals(params.get("Version")) || params.get("Action") == null) {
      return "expected Action and Version=2014-10-31, got " + params;
    }
    String maxRecords = params.get("MaxRecords");
    if (maxRecords != null
        && (Integer.parseInt(maxRecords) < 20 || Integer.parseInt(maxRecords) > 100)) {
      return "MaxRecords must be 20 to 100, was " + maxRecords;
    }
    try {
      for (String time : List.of("StartTime", "EndTime")) {
        if (params.containsKey(time)) {
          Instant.parse(params.get(time));
        }
      }
    } catch (DateTimeParseException e) {
      return "times must be ISO 8601: " + e.getMessage();
    }
    for (String id : List.of("DBClusterSnapshotIdentifier", "DBSnapshotIdentifier")) {
      String value = params.get(id);
      int max = id.startsWith("DBCluster") ? 63 : 255;
      if (params.containsKey(id)
          && (value.isEmpty()
              || value.length() > max
              || !value.matches("[A-Za-z][A-Za-z0-9-]*")
              || value.contains("--")
              || value.endsWith("-"))) {
        return id
            + " must be 1 to "
            + max
            + " letters, digits and hyphens, start with a letter, no '--', no trailing '-': "
            + value;
      }
    }
    return null;
  }

  @Override
  protected Response answer(HttpExchange exchange, byte[] body) {
    Map<String, String> params = form(body);
    String action = params.get("Action");
    calls.add(new Call(action, params));
    Deque<Failure> failures = failingActions.get(action);
    if (failures != null && !failures.isEmpty()) {
      return failure(failures.poll());
    }
    return switch (action) {
      case "DescribeEvents" -> describeEvents(params);
      case "DescribeDBClusters" ->
          page(
              action,
              params,
              filtered(clusters, Cluster::engine, params),
              LocalRds::cluster,
              "DBClusters");
      case "DescribeDBInstances" ->
          page(
              action,
              params,
              filtered(instances, Instance::engine, params),
              LocalRds::instance,
              "DBInstances");
      case "CreateDBClusterSnapshot" -> createClusterSnapshot(params);
      case "CreateDBSnapshot" -> createInstanceSnapshot(params);
      default -> xmlError(400, "Sender", "InvalidAction", "unknown action " + action);
    };
  }

  private Response createClusterSnapshot(Map<String, String> params) {
    String cluster = params.get("DBClusterIdentifier");
    String id = params.get("DBClusterSnapshotIdentifier").toLowerCase(java.util.Locale.ROOT);
    if (clusters.stream().noneMatch(c -> c.id().equals(cluster))) {
      return xmlError(
          404, "Sender", "DBClusterNotFoundFault", "DBCluster " + cluster + " not found.");
    }
    if (snapshots.stream().anyMatch(s -> s.cluster() && s.identifier().equals(id))) {
      return xmlError(
          400,
          "Sender",
          "DBClusterSnapshotAlreadyExistsFault",
          "Cannot create the snapshot because a snapshot with the identifier "
              + id
              + " already exists.");
    }
    int refusals = failingOver.getOrDefault(cluster, 0);
    if (refusals > 0) {
      failingOver.put(cluster, refusals - 1);
      return xmlError(
          400,
          "Sender",
          "InvalidDBClusterStateFault",
          "Cannot create a snapshot because the DB cluster " + cluster + " is failing-over.");
    }
    snapshots.add(new Snapshot(true, id, cluster, tags(params)));
    return created(
        "CreateDBClusterSnapshot",
        "<DBClusterSnapshot><DBClusterSnapshotIdentifier>"
            + escape(id)
            + "</DBClusterSnapshotIdentifier><DBClusterIdentifier>"
            + escape(cluster)
            + "</DBClusterIdentifier><SnapshotType>manual</SnapshotType><Status>creating</Status>"
            + "</DBClusterSnapshot>");
  }

  private Response createInstanceSnapshot(Map<String, String> params) {
    String instance = params.get("DBInstanceIdentifier");
    String id = params.get("DBSnapshotIdentifier").toLowerCase(java.util.Locale.ROOT);
    if (instances.stream().noneMatch(i -> i.id().equals(instance))) {
      return xmlError(
          404, "Sender", "DBInstanceNotFound", "DBInstance " + instance + " not found.");
    }
    if (snapshots.stream().anyMatch(s -> !s.cluster() && s.identifier().equals(id))) {
      return xmlError(
          400, "Sender", "DBSnapshotAlreadyExists", "DB Snapshot already exists: " + id);
    }
    snapshots.add(new Snapshot(false, id, instance, tags(params)));
    return created(
        "CreateDBSnapshot",
        "<DBSnapshot><DBSnapshotIdentifier>"
            + escape(id)
            + "</DBSnapshotIdentifier><DBInstanceIdentifier>"
            + escape(instance)
            + "</DBInstanceIdentifier><SnapshotType>manual</SnapshotType><Status>creating</Status>"
            + "</DBSnapshot>");
  }

  private static Map<String, String> tags(Map<String, String> params) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 1; params.containsKey("Tags.Tag." + i + ".Key"); i++) {
      tags.put(params.get("Tags.Tag." + i + ".Key"), params.get("Tags.Tag." + i + ".Value"));
    }
    return tags;
  }

  private static Response created(String action, String body) {
    String xml =
        "<"
            + action
            + "Response xmlns=\""
            + NAMESPACE
            + "\"><"
            + action
            + "Result>"
            + body
            + "</"
            + action
            + "Result><ResponseMetadata><RequestId>"
            + java.util.UUID.randomUUID()
            + "</RequestId></ResponseMetadata></"
            + action
            + "Response>";
    return new Response(
        200, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected Response failure(Failure failure) {
    return switch (failure) {
      case THROTTLING -> xmlError(400, "Sender", "Throttling", "Rate exceeded");
      case SERVER_ERROR -> xmlError(500, "Receiver", "InternalFailure", "Internal failure");
    };
  }

  @Override
  protected Response badRequest(String message) {
    return xmlError(400, "Sender", "InvalidParameterValue", message);
  }

  private Response describeEvents(Map<String, String> params) {
    String sourceType = params.get("SourceType");
    Instant start =
        params.containsKey("StartTime") ? Instant.parse(params.get("StartTime")) : Instant.MIN;
    Instant end =
        params.containsKey("EndTime") ? Instant.parse(params.get("EndTime")) : Instant.MAX;
    List<RdsEvent> matching =
        events.stream()
            .filter(e -> sourceType == null || e.sourceType().equals(sourceType))
            .filter(e -> !e.date().isBefore(start) && !e.date().isAfter(end))
            .sorted(Comparator.comparing(RdsEvent::date))
            .toList();
    return page("DescribeEvents", params, matching, LocalRds::event, "Events");
  }

  private <T> Response page(
      String action,
      Map<String, String> params,
      List<T> items,
      Function<T, String> xml,
      String listName) {
    int size = Math.min(maxPerPage, Integer.parseInt(params.getOrDefault("MaxRecords", "100")));
    String marker = params.get("Marker");
    int offset = marker == null ? 0 : Integer.parseInt(marker.substring(marker.indexOf(':') + 1));
    int until = Math.min(items.size(), offset + size);
    StringBuilder body = new StringBuilder();
    body.append('<').append(listName).append('>');
    items.subList(offset, until).forEach(item -> body.append(xml.apply(item)));
    body.append("</").append(listName).append('>');
    if (until < items.size()) {
      body.append("<Marker>").append(action).append(':').append(until).append("</Marker>");
    }
    String xmlBody =
        "<"
            + action
            + "Response xmlns=\""
            + NAMESPACE
            + "\"><"
            + action
            + "Result>"
            + body
            + "</"
            + action
            + "Result><ResponseMetadata><RequestId>"
            + java.util.UUID.randomUUID()
            + "</RequestId></ResponseMetadata></"
            + action
            + "Response>";
    return new Response(
        200, Map.of("Content-Type", "text/xml"), xmlBody.getBytes(StandardCharsets.UTF_8));
  }

  private static <T> List<T> filtered(
      List<T> items, Function<T, String> engine, Map<String, String> params) {
    Set<String> engines = new HashSet<>();
    for (int i = 1; params.containsKey("Filters.Filter." + i + ".Name"); i++) {
      if (params.get("Filters.Filter." + i + ".Name").equals("engine")) {
        for (int v = 1; params.containsKey("Filters.Filter." + i + ".Values.Value." + v); v++) {
          engines.add(params.get("Filters.Filter." + i + ".Values.Value." + v));
        }
      }
    }
    return items.stream()
        .filter(i -> engines.isEmpty() || engines.contains(engine.apply(i)))
        .toList();
  }

  private static String event(RdsEvent e) {
    StringBuilder xml = new StringBuilder("<Event>");
    element(xml, "SourceIdentifier", e.sourceId());
    element(xml, "SourceType", e.sourceType());
    element(xml, "Message", e.message());
    xml.append("<EventCategories>");
    e.categories().forEach(c -> element(xml, "EventCategory", c));
    xml.append("</EventCategories>");
    element(xml, "Date", e.date() == null ? null : e.date().toString());
    element(xml, "SourceArn", e.sourceArn());
    return xml.append("</Event>").toString();
  }

  private static String cluster(Cluster c) {
    StringBuilder xml = new StringBuilder("<DBCluster>");
    element(xml, "DBClusterIdentifier", c.id());
    element(xml, "Engine", c.engine());
    xml.append("<DBClusterMembers>");
    for (Member m : c.members()) {
      xml.append("<DBClusterMember>");
      element(xml, "DBInstanceIdentifier", m.instance());
      element(xml, "IsClusterWriter", Boolean.toString(m.writer()));
      xml.append("</DBClusterMember>");
    }
    xml.append("</DBClusterMembers>");
    tags(xml, c.tags());
    return xml.append("</DBCluster>").toString();
  }

  private static String instance(Instance i) {
    StringBuilder xml = new StringBuilder("<DBInstance>");
    element(xml, "DBInstanceIdentifier", i.id());
    element(xml, "DBClusterIdentifier", i.cluster());
    element(xml, "Engine", i.engine());
    tags(xml, i.tags());
    return xml.append("</DBInstance>").toString();
  }

  private static void tags(StringBuilder xml, Map<String, String> tags) {
    xml.append("<TagList>");
    tags.forEach(
        (k, v) -> {
          xml.append("<Tag>");
          element(xml, "Key", k);
          element(xml, "Value", v);
          xml.append("</Tag>");
        });
    xml.append("</TagList>");
  }

  private static void element(StringBuilder xml, String name, String text) {
    if (text != null) {
      xml.append('<')
          .append(name)
          .append('>')
          .append(escape(text))
          .append("</")
          .append(name)
          .append('>');
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static Response xmlError(int status, String type, String code, String message) {
    String xml =
        "<ErrorResponse xmlns=\""
            + NAMESPACE
            + "\"><Error><Type>"
            + type
            + "</Type><Code>"
            + code
            + "</Code><Message>"
            + escape(message)
            + "</Message></Error><RequestId>"
            + java.util.UUID.randomUUID()
            + "</RequestId></ErrorResponse>";
    return new Response(
        status, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> form(byte[] body) {
    Map<String, String> params = new LinkedHashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return params;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }
}
