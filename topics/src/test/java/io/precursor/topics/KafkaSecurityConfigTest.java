package io.precursor.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class KafkaSecurityConfigTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"precursor\""
          + " password=\"s3cret\";";

  @Test
  void shouldPassSecurityProtocolAndEverySslAndSaslSettingThrough() {
    Map<String, Object> props =
        KafkaSecurityConfig.clientProperties(
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/precursor/ca.p12",
                "ssl.cipher.suites", "TLS_AES_256_GCM_SHA384",
                "topics.prefix", "precursor.",
                "bootstrap.servers", "broker:9096"));

    assertThat(props)
        .containsOnlyKeys(
            "security.protocol",
            "sasl.mechanism",
            "sasl.jaas.config",
            "ssl.truststore.location",
            "ssl.cipher.suites")
        .containsEntry("sasl.jaas.config", JAAS)
        .containsEntry("ssl.cipher.suites", "TLS_AES_256_GCM_SHA384");
  }

  @Test
  void shouldHandOverPasswordsAsTheirValue() {
    Map<String, Object> props =
        KafkaSecurityConfig.clientProperties(
            Map.of("ssl.truststore.password", new Password("changeit")));

    assertThat(props).containsEntry("ssl.truststore.password", "changeit");
  }

  @Test
  void shouldGiveNothingWhenNoSecurityIsConfigured() {
    assertThat(KafkaSecurityConfig.clientProperties(Map.of("topics.prefix", "x."))).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownSecurityProtocolNamingTheSetting() {
    assertThatThrownBy(
            () -> KafkaSecurityConfig.clientProperties(Map.of("security.protocol", "TLS")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("security.protocol");
  }

  @Test
  void shouldNeverPrintTheJaasConfig() {
    KafkaSecurityConfig config = new KafkaSecurityConfig(Map.of("sasl.jaas.config", JAAS));

    assertThat(config.toString()).doesNotContain("s3cret");
    assertThat(config.values().get("sasl.jaas.config").toString()).doesNotContain("s3cret");
  }

  @Test
  void shouldGiveTheTopicProvisionersAdminClientTheSecuritySettings() {
    Map<String, Object> admin =
        TopicProvisioner.adminProperties(
            Map.of("security.protocol", "SSL", "ssl.keystore.location", "/k.p12"), "broker:9093");

    assertThat(admin)
        .containsEntry("bootstrap.servers", "broker:9093")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.keystore.location", "/k.p12");
  }
}
