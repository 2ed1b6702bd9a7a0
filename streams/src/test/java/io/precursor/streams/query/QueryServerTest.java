package io.precursor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.streams.PrecursorTopology;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.topics.Topics;
import io.precursor.topics.TopicsConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint's answers that need no running topology: not ready, bad requests. */
class QueryServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private KafkaStreams streams;
  private QueryServer server;

  @BeforeEach
  void startServerOnAStageThatIsNotRunning() {
    Map<String, String> settings =
        Map.of(
            "bootstrap.servers",
            "127.0.0.1:1",
            TopicsConfig.SCHEMA_REGISTRY_URL,
            "mock://query-server-test");
    StreamsStageConfig config = new StreamsStageConfig(settings);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-server-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    // Never started: the state stays CREATED, as in the first moments of a real start.
    streams =
        new KafkaStreams(
            PrecursorTopology.build(config, new Topics(new TopicsConfig(settings))), props);
    server = QueryServer.start("127.0.0.1", 0, new StageQueries(streams, 900_000), 20);
  }

  @AfterEach
  void stop() {
    server.close();
    streams.close();
  }

  @Test
  void shouldAnswer503WithRetryAfterWhileTheStoresCannotBeRead() throws Exception {
    for (String path : new String[] {"/risk", "/incidents?open=true", "/precursors?limit=5"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).contains("1");
      assertThat(response.body()).contains("CREATED");
    }
  }

  @Test
  void shouldRefuseALimitOutsideWhatTheStoreKeeps() throws Exception {
    assertThat(get("/precursors?limit=21").statusCode()).isEqualTo(400);
    assertThat(get("/precursors?limit=0").statusCode()).isEqualTo(400);
    assertThat(get("/precursors?limit=ten").body()).contains("limit must be a whole number");
  }

  @Test
  void shouldServeOnlyGetOnKnownPaths() throws Exception {
    assertThat(get("/risk/extra").statusCode()).isEqualTo(404);
    assertThat(get("/").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri("/risk")).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
