package io.precursor.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSecurityPassthroughTest {

  private static final AlertingConfig CONFIG =
      new AlertingConfig(
          Map.of(
              "bootstrap.servers", "broker:9093",
              "alerting.slack.webhook.url", "https://hooks.slack.com/services/T0/B0/x",
              "security.protocol", "SSL",
              "ssl.keystore.location", "/etc/precursor/client.p12",
              "ssl.keystore.password", "changeit",
              "alerting.kafka.request.timeout.ms", "40000"));

  @Test
  void shouldGiveTheConsumerAndTheProducerTheTlsSettings() {
    for (Map<String, Object> client :
        java.util.List.of(
            AlertingService.consumerProperties(CONFIG),
            AlertingService.producerProperties(CONFIG))) {
      assertThat(client)
          .containsEntry("security.protocol", "SSL")
          .containsEntry("ssl.keystore.location", "/etc/precursor/client.p12")
          .containsEntry("ssl.keystore.password", "changeit")
          .containsEntry("request.timeout.ms", "40000")
          .containsEntry("bootstrap.servers", java.util.List.of("broker:9093"));
    }
  }
}
