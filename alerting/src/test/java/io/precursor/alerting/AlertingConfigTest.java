package io.precursor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.schemas.Severity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AlertingConfigTest {

  private static final String SECRET_PATH = "/services/T0SECRET/B0SECRET/s3cr3t";
  private static final String URL = "https://hooks.slack.com" + SECRET_PATH;

  private static Map<String, Object> minimal() {
    Map<String, Object> props = new HashMap<>();
    props.put(AlertingConfig.BOOTSTRAP_SERVERS, "localhost:9092");
    props.put(AlertingConfig.WEBHOOK_URL, URL);
    return props;
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> props = minimal();
    props.put(key, value);
    return props;
  }

  @Test
  void shouldStartFromDefaultsGivenBrokersAndAWebhook() {
    AlertingConfig config = new AlertingConfig(minimal());

    assertThat(config.bootstrapServers()).containsExactly("localhost:9092");
    assertThat(config.groupId()).isEqualTo("precursor-alerting");
    assertThat(config.minSeverity()).isEqualTo(Severity.WARNING);
    assertThat(config.webhookName()).isEqualTo("slack");
    assertThat(config.postIncidents()).isTrue();
    assertThat(config.autoOffsetReset()).isEqualTo("earliest");
    assertThat(config.webhookUrl()).hasToString("https://hooks.slack.com/…");
    var settings = config.webhookSettings();
    assertThat(settings.perSecond()).isEqualTo(1.0);
    assertThat(settings.burst()).isEqualTo(3);
    assertThat(settings.retry().maxAttempts()).isEqualTo(5);
    assertThat(settings.retry().initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.retry().maxElapsed()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldNeverPrintTheWebhookUrl() {
    AlertingConfig config = new AlertingConfig(minimal());

    assertThat(config.values().toString()).doesNotContain(SECRET_PATH);
    assertThat(config.toString()).doesNotContain(SECRET_PATH);
    assertThat(AlertingConfig.DEFINITION.toRst()).doesNotContain(SECRET_PATH);
  }

  @Test
  void shouldSayWhichSettingIsMissing() {
    Map<String, Object> noWebhook = minimal();
    noWebhook.remove(AlertingConfig.WEBHOOK_URL);
    Map<String, Object> noBrokers = minimal();
    noBrokers.remove(AlertingConfig.BOOTSTRAP_SERVERS);

    assertThatThrownBy(() -> new AlertingConfig(noWebhook))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlertingConfig.WEBHOOK_URL);
    assertThatThrownBy(() -> new AlertingConfig(noBrokers))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlertingConfig.BOOTSTRAP_SERVERS);
  }

  @Test
  void shouldRefuseAnInsecureWebhookWithoutPrintingIt() {
    String insecure = "http://hooks.slack.com" + SECRET_PATH;

    assertThatThrownBy(() -> new AlertingConfig(with(AlertingConfig.WEBHOOK_URL, insecure)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlertingConfig.WEBHOOK_URL)
        .hasMessageContaining("https://")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_PATH));
  }

  @Test
  void shouldRefuseAnUnknownSeverityAndAcceptAnyCase() {
    assertThatThrownBy(() -> new AlertingConfig(with(AlertingConfig.MIN_SEVERITY, "LOUD")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlertingConfig.MIN_SEVERITY)
        .hasMessageContaining("CRITICAL");
    assertThat(new AlertingConfig(with(AlertingConfig.MIN_SEVERITY, "critical")).minSeverity())
        .isEqualTo(Severity.CRITICAL);
  }

  @Test
  void shouldRefuseOutOfRangeNumbers() {
    for (var bad :
        List.of(
            Map.entry(AlertingConfig.RATE_PER_SECOND, (Object) 0.0),
            Map.entry(AlertingConfig.RATE_BURST, 0),
            Map.entry(AlertingConfig.RETRY_MAX_ATTEMPTS, 0),
            Map.entry(AlertingConfig.REQUEST_TIMEOUT_MS, 10L),
            Map.entry(AlertingConfig.RETRY_MAX_ELAPSED_MS, -1L))) {
      assertThatThrownBy(() -> new AlertingConfig(with(bad.getKey(), bad.getValue())))
          .as(bad.getKey())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(bad.getKey());
    }
  }

  @Test
  void shouldRefuseAnInitialBackoffAboveTheMaximum() {
    Map<String, Object> props = with(AlertingConfig.RETRY_INITIAL_BACKOFF_MS, 60_000L);
    props.put(AlertingConfig.RETRY_MAX_BACKOFF_MS, 30_000L);

    assertThatThrownBy(() -> new AlertingConfig(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlertingConfig.RETRY_INITIAL_BACKOFF_MS)
        .hasMessageContaining(AlertingConfig.RETRY_MAX_BACKOFF_MS);
  }

  @Test
  void shouldRefuseAWebhookNameThatIsNotAnIdentifier() {
    assertThatThrownBy(() -> new AlertingConfig(with(AlertingConfig.WEBHOOK_NAME, "ops channel")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlertingConfig.WEBHOOK_NAME);
  }

  @Test
  void shouldRefuseAnEmptyBrokerList() {
    assertThatThrownBy(() -> new AlertingConfig(with(AlertingConfig.BOOTSTRAP_SERVERS, "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlertingConfig.BOOTSTRAP_SERVERS);
  }

  @Test
  void shouldPassPrefixedKafkaSettingsToTheClients() {
    AlertingConfig config =
        new AlertingConfig(with(AlertingConfig.KAFKA_PREFIX + "security.protocol", "SSL"));

    assertThat(config.kafkaOverrides()).containsEntry("security.protocol", "SSL");
  }
}
