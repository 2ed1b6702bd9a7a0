package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.scenarios.Scenarios;
import io.precursor.streams.StreamsStage;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.testkit.TestBroker;
import io.precursor.testkit.TestBrokerExtension;
import io.precursor.testkit.UniqueNames;
import io.precursor.topics.TopicProvisioner;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The streams stage's query endpoint over real HTTP while seed-000 goes through it. */
@ExtendWith(TestBrokerExtension.class)
class StreamsQueryEndpointIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FROM = Instant.parse("2026-11-17T09:00:00Z");
  // Between FAILOVER_STARTED (09:47:31) and FAILOVER_COMPLETED (09:48:07) of seed-000.
  private static final Instant MID_FAILOVER = Instant.parse("2026-11-17T09:47:40Z");
  private static final Instant TO = Instant.parse("2026-11-17T09:50:00Z");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldAnswerRiskIncidentsAndPrecursorsFromTheStoresAsTheIncidentUnfolds(
      TestBroker broker, @TempDir Path dir) throws Exception {
    Path exports = dir.resolve("seed-000");
    Scenarios.write("seed-000", exports);
    String id = UniqueNames.topic("query-it");
    Map<String, String> values = new HashMap<>();
    values.put("bootstrap.servers", broker.bootstrapServers());
    values.put(TopicsConfig.SCHEMA_REGISTRY_URL, "mock://" + id);
    values.put(TopicsConfig.TOPIC_PREFIX, id + ".");
    values.put(TopicsConfig.PARTITIONS, "2");
    values.put(TopicsConfig.REPLICATION_FACTOR, "1");
    values.put(StreamsStageConfig.APPLICATION_ID, UniqueNames.applicationId(id));
    values.put(StreamsStageConfig.STATE_DIR, dir.resolve("state").toString());
    values.put(StreamsStageConfig.QUERY_PORT, String.valueOf(freePort()));
    Settings settings =
        Settings.load(
            List.of(TopicsConfig.DEFINITION, StreamsStageConfig.DEFINITION),
            null,
            Map.of(),
            values);
    Topics topics = new Topics(new TopicsConfig(settings.asMap()));
    TopicProvisioner.ensure(broker.bootstrapServers(), (short) 1, topics.all());
    // The writer up to the middle of the failover: it has started, it has not completed.
    ExportLoader.load(
        settings, topics, exports, new ReplayFilter(FROM, MID_FAILOVER, null, "ads-prod-1")::wrap);

    try (StreamsStage stage = new StreamsStage(settings.asMap())) {
      stage.start();
      URI endpoint = URI.create("http://127.0.0.1:" + stage.queryPort().orElseThrow());

      // The failover and the precursor reach the incident linker through two repartition
      // topics, so the incident may open before its precursor is linked; it is then published
      // again with the precursor. Wait for that state, not for the first one.
      JsonNode open =
          awaitItems(
              endpoint.resolve("/incidents?open=true"),
              items ->
                  items.size() == 1
                      && items
                          .get(0)
                          .path("precursors")
                          .findValuesAsText("kind")
                          .contains("BULK_DML_MEMORY_PRESSURE"));
      JsonNode incident = open.get(0);
      assertThat(incident.path("cluster").asText()).isEqualTo("ads-prod");
      assertThat(incident.path("state").asText()).isEqualTo("FAILOVER_STARTED");
      assertThat(incident.path("startedAt").asText()).isEqualTo("2026-11-17T09:47:31.274Z");
      assertThat(incident.path("completedAt").isNull()).isTrue();
      assertThat(incident.path("precursors").findValuesAsText("kind"))
          .contains("BULK_DML_MEMORY_PRESSURE");

      JsonNode risk = items(get(endpoint.resolve("/risk")));
      JsonNode writer = find(risk, "instance", "ads-prod-1");
      assertThat(writer.path("severity").asText()).isEqualTo("CRITICAL");
      JsonNode episode = find(writer.path("episodes"), "kind", "BULK_DML_MEMORY_PRESSURE");
      assertThat(episode.path("severity").asText()).isEqualTo("CRITICAL");
      assertThat(episode.path("since").asText()).isEqualTo("2026-11-17T09:29:00Z");

      JsonNode latest = items(get(endpoint.resolve("/precursors?instance=ads-prod-1&limit=1")));
      assertThat(latest).hasSize(1);
      JsonNode both = items(get(endpoint.resolve("/precursors?instance=ads-prod-1")));
      List<JsonNode> bulkDml =
          List.copyOf(
              both.findParents("kind").stream()
                  .filter(p -> p.path("kind").asText().equals("BULK_DML_MEMORY_PRESSURE"))
                  .toList());
      // Newest first: the escalation, then the first warning, under one episode id.
      assertThat(bulkDml)
          .extracting(p -> p.path("severity").asText())
          .containsExactly("CRITICAL", "WARNING");
      assertThat(bulkDml.get(0).path("id").asText()).isEqualTo(bulkDml.get(1).path("id").asText());
      assertThat(bulkDml.get(1).path("detectedAt").asText()).isEqualTo("2026-11-17T09:29:00Z");
      assertThat(items(get(endpoint.resolve("/precursors?instance=no-such-instance")))).isEmpty();

      // The rest of the failover arrives: the incident closes with its recovery time.
      ExportLoader.load(
          settings, topics, exports, new ReplayFilter(MID_FAILOVER, TO, null, "ads-prod-1")::wrap);
      awaitItems(endpoint.resolve("/incidents?open=true"), JsonNode::isEmpty);
      JsonNode closed = items(get(endpoint.resolve("/incidents"))).get(0);
      assertThat(closed.path("id").asText()).isEqualTo(incident.path("id").asText());
      assertThat(closed.path("state").asText()).isEqualTo("FAILOVER_COMPLETED");
      assertThat(closed.path("rtoMillis").asLong()).isEqualTo(36_366);
      JsonNode linked = find(closed.path("precursors"), "kind", "BULK_DML_MEMORY_PRESSURE");
      assertThat(linked.path("leadTimeMillis").asLong())
          .isEqualTo(Duration.parse("PT18M31.274S").toMillis());

      HttpResponse<String> badLimit = send(endpoint.resolve("/precursors?limit=0"));
      assertThat(badLimit.statusCode()).isEqualTo(400);
    }
  }

  private JsonNode awaitItems(URI uri, java.util.function.Predicate<JsonNode> done) {
    JsonNode[] last = new JsonNode[1];
    Awaitility.await("GET " + uri)
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              HttpResponse<String> response = send(uri);
              // 503 while the stage starts: the endpoint is up before the stores are.
              if (response.statusCode() == 503) {
                return false;
              }
              assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
              last[0] = items(JSON.readTree(response.body()));
              return done.test(last[0]);
            });
    return last[0];
  }

  private JsonNode get(URI uri) throws Exception {
    HttpResponse<String> response = send(uri);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode items(JsonNode body) {
    return body.path("items");
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (node.path(field).asText().equals(value)) {
        return node;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
