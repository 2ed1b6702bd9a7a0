package io.precursor.topics;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;

/**
 * How every Kafka client of every stage authenticates and encrypts: {@code security.protocol} and
 * any {@code ssl.*} or {@code sasl.*} setting is passed as given to each producer, consumer, admin
 * client and Kafka Streams instance. The common keys are declared here so they are documented and
 * can come from {@code PRECURSOR_*} environment variables; secrets are passwords, never printed.
 */
public final class KafkaSecurityConfig extends AbstractConfig {

  public static final String SECURITY_PROTOCOL = "security.protocol";

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              SECURITY_PROTOCOL,
              Type.STRING,
              "PLAINTEXT",
              ConfigDef.CaseInsensitiveValidString.in(
                  "PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"),
              Importance.HIGH,
              "How every Kafka client talks to the brokers: SSL for TLS, SASL_SSL for SCRAM or"
                  + " AWS MSK IAM over TLS. Any other ssl.* or sasl.* Kafka client setting given"
                  + " is passed through too.")
          .define(
              SaslConfigs.SASL_MECHANISM,
              Type.STRING,
              null,
              Importance.HIGH,
              "SASL mechanism: SCRAM-SHA-512 or SCRAM-SHA-256 (with"
                  + " org.apache.kafka.common.security.scram.ScramLoginModule in sasl.jaas.config),"
                  + " or AWS_MSK_IAM (with software.amazon.msk.auth.iam.IAMLoginModule, and"
                  + " sasl.client.callback.handler.class"
                  + "=software.amazon.msk.auth.iam.IAMClientCallbackHandler; credentials from the"
                  + " AWS default provider chain).")
          .define(
              SaslConfigs.SASL_JAAS_CONFIG,
              Type.PASSWORD,
              null,
              Importance.HIGH,
              "JAAS login module line for SASL (a secret: it holds the SCRAM password).")
          .define(
              SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS,
              Type.STRING,
              null,
              Importance.MEDIUM,
              "SASL client callback handler class, e.g. the MSK IAM one.")
          .define(
              SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
              Type.STRING,
              null,
              Importance.MEDIUM,
              "Trust store of the brokers' CA, when the JVM's default does not hold it.")
          .define(
              SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "Password of the trust store (a secret).")
          .define(
              SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG,
              Type.STRING,
              null,
              Importance.LOW,
              "Trust store format (JKS, PKCS12, PEM); Kafka's default when unset.")
          .define(
              SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG,
              Type.STRING,
              null,
              Importance.MEDIUM,
              "Key store with the client certificate, for mutual TLS.")
          .define(
              SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "Password of the key store (a secret).")
          .define(
              SslConfigs.SSL_KEY_PASSWORD_CONFIG,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "Password of the private key in the key store (a secret).")
          .define(
              SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG,
              Type.STRING,
              "https",
              Importance.LOW,
              "Broker host name verification; https (the default) checks the certificate names"
                  + " the host. Leave it on.");

  public KafkaSecurityConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
  }

  /**
   * The security settings among {@code settings} for a Kafka client's configuration: {@code
   * security.protocol} and every {@code ssl.*} / {@code sasl.*} key that was set, validated.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming a bad value
   */
  public static Map<String, Object> clientProperties(Map<?, ?> settings) {
    new KafkaSecurityConfig(settings); // validates the declared keys
    Map<String, Object> props = new TreeMap<>();
    settings.forEach(
        (k, v) -> {
          String key = String.valueOf(k);
          if (v != null
              && (key.equals(SECURITY_PROTOCOL)
                  || key.startsWith("ssl.")
                  || key.startsWith("sasl."))) {
            props.put(key, v instanceof Password p ? p.value() : v);
          }
        });
    return props;
  }
}
