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

  @Test
  void shouldRouteEverythingToTheDefaultWebhookByDefault() {
    AlertingConfig config = new AlertingConfig(minimal());

    assertThat(config.routing().rules()).isEmpty();
    assertThat(config.webhookUrls()).containsOnlyKeys("slack");
    assertThat(config.snapshotSettings().enabled()).isFalse();
    assertThat(config.snapshotSettings().allowlist()).isEmpty();
    assertThat(config.snapshotSettings().dailyCap()).isEqualTo(3);
    assertThat(config.crashPoint()).isNotNull();
  }

  @Test
  void shouldReadNamedWebhooksAndRoutingRules() {
    Map<String, Object> props = minimal();
    props.put(AlertingConfig.WEBHOOKS, "pager,dba");
    props.put("alerting.slack.webhooks.pager.url", "https://hooks.slack.com/services/T1/B1/pager");
    props.put("alerting.slack.webhooks.dba.url", "https://hooks.slack.com/services/T1/B2/dba");
    props.put(AlertingConfig.ROUTES, "critical,ads");
    props.put("alerting.route.critical.severities", "critical");
    props.put("alerting.route.critical.kinds", "BULK_DML_MEMORY_PRESSURE, incident");
    props.put("alerting.route.critical.webhooks", "pager,slack");
    props.put("alerting.route.ads.clusters", "ads-*");
    props.put("alerting.route.ads.instances", "ads-prod-?");
    props.put("alerting.route.ads.webhooks", "dba");
    props.put("alerting.route.ads.snapshot", "true");
    props.put(AlertingConfig.ROUTES_UNMATCHED, "drop");

    AlertingConfig config = new AlertingConfig(props);

    assertThat(config.webhookUrls()).containsOnlyKeys("slack", "pager", "dba");
    assertThat(config.webhookUrls().get("pager")).hasToString("https://hooks.slack.com/…");
    var rules = config.routing().rules();
    assertThat(rules).extracting(r -> r.name()).containsExactly("critical", "ads");
    assertThat(rules.get(0).kinds()).containsOnly("BULK_DML_MEMORY_PRESSURE", "INCIDENT");
    assertThat(rules.get(0).severities()).containsOnly(Severity.CRITICAL);
    assertThat(rules.get(0).webhooks()).containsExactly("pager", "slack");
    assertThat(rules.get(1).snapshot()).isTrue();
    var quiet =
        new io.precursor.alerting.route.AlertSubject(
            "x", "FULL_SCAN_STORM", Severity.WARNING, "billing", "billing-1");
    assertThat(config.routing().route(quiet).webhooks()).isEmpty();
    assertThat(config.toString()).doesNotContain("/B1/pager", "/B2/dba");
  }

  @Test
  void shouldRefuseARuleNamingAnUndeclaredWebhook() {
    Map<String, Object> props = with(AlertingConfig.ROUTES, "r1");
    props.put("alerting.route.r1.webhooks", "pagr");

    assertThatThrownBy(() -> new AlertingConfig(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerting.route.r1.webhooks")
        .hasMessageContaining("pagr")
        .hasMessageContaining(AlertingConfig.WEBHOOKS);
  }

  @Test
  void shouldRefuseAnUnknownKindOrSeverityInARule() {
    Map<String, Object> kind = with(AlertingConfig.ROUTES, "r1");
    kind.put("alerting.route.r1.webhooks", "slack");
    kind.put("alerting.route.r1.kinds", "BULK_DML");
    Map<String, Object> severity = with(AlertingConfig.ROUTES, "r1");
    severity.put("alerting.route.r1.webhooks", "slack");
    severity.put("alerting.route.r1.severities", "LOUD");

    assertThatThrownBy(() -> new AlertingConfig(kind))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerting.route.r1.kinds")
        .hasMessageContaining("BULK_DML_MEMORY_PRESSURE");
    assertThatThrownBy(() -> new AlertingConfig(severity))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerting.route.r1.severities");
  }

  @Test
  void shouldRefuseARuleThatDoesNothing() {
    Map<String, Object> props = with(AlertingConfig.ROUTES, "idle");
    props.put("alerting.route.idle.kinds", "INCIDENT");

    assertThatThrownBy(() -> new AlertingConfig(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerting.route.idle.webhooks")
        .hasMessageContaining("does nothing");
  }

  @Test
  void shouldRefuseANamedWebhookWithoutAUrlOrWithAnInsecureOne() {
    Map<String, Object> missing = with(AlertingConfig.WEBHOOKS, "pager");
    Map<String, Object> insecure = with(AlertingConfig.WEBHOOKS, "pager");
    insecure.put("alerting.slack.webhooks.pager.url", "http://hooks.slack.com" + SECRET_PATH);

    assertThatThrownBy(() -> new AlertingConfig(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerting.slack.webhooks.pager.url");
    assertThatThrownBy(() -> new AlertingConfig(insecure))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerting.slack.webhooks.pager.url")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_PATH));
  }

  @Test
  void shouldRefuseABadRdsEndpointAndAnUnknownHaltPoint() {
    assertThatThrownBy(() -> new AlertingConfig(with(AlertingConfig.AWS_RDS_ENDPOINT, "ftp://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlertingConfig.AWS_RDS_ENDPOINT);
    assertThatThrownBy(() -> new AlertingConfig(with(AlertingConfig.TEST_HALT_AT, "sometimes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AlertingConfig.TEST_HALT_AT);
  }

  @Test
  void shouldDocumentEveryKeyOfEveryDefinition() {
    for (var definition :
        List.of(
            AlertingConfig.DEFINITION,
            AlertingConfig.ROUTE_DEFINITION,
            AlertingConfig.WEBHOOK_DEFINITION)) {
      assertThat(definition.configKeys().values())
          .allSatisfy(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }
  }
}
