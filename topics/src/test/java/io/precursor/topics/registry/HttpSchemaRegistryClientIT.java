package io.precursor.topics.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.schemas.MetricSample;
import io.precursor.schemas.SlowQueryEntry;
import io.precursor.testkit.LocalSchemaRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientIT {

  private LocalSchemaRegistry server;

  @BeforeEach
  void start() throws IOException {
    server = new LocalSchemaRegistry();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldSendBasicAuthFromTheSettingOnEveryRequest() {
    var client =
        SchemaRegistryClients.forUrl(
            server.url().toString(), java.util.Optional.of("sr-user:s3cret"));

    int id = client.register("precursor.slowlog-value", SlowQueryEntry.getClassSchema());
    SchemaRegistryClients.forUrl(server.url().toString(), java.util.Optional.of("sr-user:s3cret"))
        .schemaById(id);

    String expected =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("sr-user:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(server.authorizations()).hasSize(2).containsOnly(expected);
  }

  @Test
  void shouldTakeBasicAuthFromTheUrlButNeverSendItInTheRequestLine() {
    URI withUser = URI.create("http://sr-user:s3cret@127.0.0.1:" + server.url().getPort());
    var client = new HttpSchemaRegistryClient(withUser, Duration.ofSeconds(5));

    client.register("precursor.slowlog-value", SlowQueryEntry.getClassSchema());

    assertThat(server.authorizations()).singleElement().asString().startsWith("Basic ");
    assertThat(server.requests()).noneMatch(r -> r.contains("s3cret"));
  }

  @Test
  void shouldSendNoAuthorizationWithoutCredentials() {
    new HttpSchemaRegistryClient(server.url(), Duration.ofSeconds(5))
        .register("precursor.slowlog-value", SlowQueryEntry.getClassSchema());

    assertThat(server.authorizations()).containsOnly("");
  }

  @Test
  void shouldRegisterUnderSubjectAndReadBackById() {
    var client = new HttpSchemaRegistryClient(server.url(), Duration.ofSeconds(5));

    int id = client.register("precursor.slowlog-value", SlowQueryEntry.getClassSchema());

    var fresh = new HttpSchemaRegistryClient(server.url(), Duration.ofSeconds(5));
    assertThat(fresh.schemaById(id)).isEqualTo(SlowQueryEntry.getClassSchema());
    assertThat(fresh.idOf("precursor.slowlog-value", SlowQueryEntry.getClassSchema()))
        .isEqualTo(id);
  }

  @Test
  void shouldCacheSoEachSchemaIsRegisteredAndFetchedOnce() {
    var client = new HttpSchemaRegistryClient(server.url(), Duration.ofSeconds(5));

    int first = client.register("precursor.metrics-value", MetricSample.getClassSchema());
    int again = client.register("precursor.metrics-value", MetricSample.getClassSchema());
    client.schemaById(first);
    client.schemaById(first);

    assertThat(again).isEqualTo(first);
    assertThat(server.requests())
        .containsExactly("POST /subjects/precursor.metrics-value/versions");
  }

  @Test
  void shouldSayWhichIdIsUnknown() {
    var client = new HttpSchemaRegistryClient(server.url(), Duration.ofSeconds(5));

    assertThatThrownBy(() -> client.schemaById(4242))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("schema id 4242")
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("40403");
  }

  @Test
  void shouldRefuseLookupOfSchemaNeverRegistered() {
    var client = new HttpSchemaRegistryClient(server.url(), Duration.ofSeconds(5));

    assertThatThrownBy(() -> client.idOf("precursor.slowlog-value", MetricSample.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("subjects/precursor.slowlog-value");
  }

  @Test
  void shouldReportAnUnreachableRegistryWithoutLeakingCredentials() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI withSecret = URI.create("http://user:s3cr3t-token@127.0.0.1:" + closedPort + "/ctx");
    var client = new HttpSchemaRegistryClient(withSecret, Duration.ofSeconds(2));

    assertThatThrownBy(() -> client.register("t-value", MetricSample.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("unreachable")
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageNotContaining("s3cr3t-token");
  }
}
