package io.precursor.topics.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.schemas.MetricSample;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

  @Test
  void shouldShareOneMockRegistryPerScope() {
    var a = SchemaRegistryClients.forUrl("mock://clients-test");
    var b = SchemaRegistryClients.forUrl("mock://clients-test");
    var other = SchemaRegistryClients.forUrl("mock://clients-test-other");

    int id = a.register("m-value", MetricSample.getClassSchema());

    assertThat(b.schemaById(id)).isEqualTo(MetricSample.getClassSchema());
    assertThatThrownBy(() -> other.idOf("m-value", MetricSample.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("mock://clients-test-other");
  }

  @Test
  void shouldGiveTheRestClientForHttpUrls() {
    assertThat(SchemaRegistryClients.forUrl("http://localhost:8081"))
        .isInstanceOf(HttpSchemaRegistryClient.class);
  }

  @Test
  void shouldRefuseUrlsItCannotServe() {
    assertThatThrownBy(() -> SchemaRegistryClients.forUrl("mock://")).hasMessageContaining("scope");
    assertThatThrownBy(() -> SchemaRegistryClients.forUrl("ftp://registry"))
        .hasMessageContaining("http://, https:// or mock://");
  }
}
