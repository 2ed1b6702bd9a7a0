package io.precursor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSecurityPassthroughTest {

  @Test
  void shouldGiveTheIngestProducerTheSaslScramSettings() {
    IngestConfig config =
        new IngestConfig(
            Map.of(
                "bootstrap.servers", "b-1.msk:9096",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "ScramLoginModule required;",
                "ssl.truststore.location", "/etc/ca.p12"));

    Map<String, Object> producer = IngestPublisher.producerProperties(config);

    assertThat(producer)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", "ScramLoginModule required;")
        .containsEntry("ssl.truststore.location", "/etc/ca.p12")
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all");
  }
}
