package io.precursor.topics;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Where Precursor's topics live and how their records are encoded. */
public final class TopicsConfig extends AbstractConfig {

  public static final String TOPIC_PREFIX = "topics.prefix";
  public static final String PARTITIONS = "topics.partitions";
  public static final String REPLICATION_FACTOR = "topics.replication.factor";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String SCHEMA_REGISTRY_AUTO_REGISTER = "schema.registry.auto.register";
  public static final String SCHEMA_REGISTRY_BASIC_AUTH = "schema.registry.basic.auth.user.info";

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              TOPIC_PREFIX,
              Type.STRING,
              "precursor.",
              Importance.HIGH,
              "Prefix of every topic name; replay runs use their own prefix so live topics are"
                  + " never touched.")
          .define(
              PARTITIONS,
              Type.INT,
              6,
              Range.atLeast(1),
              Importance.MEDIUM,
              "Partitions of each topic when Precursor creates it. Inputs keyed by DB instance"
                  + " share this count so they stay co-partitioned.")
          .define(
              REPLICATION_FACTOR,
              Type.SHORT,
              (short) 3,
              Range.atLeast(1),
              Importance.MEDIUM,
              "Replication factor of each topic when Precursor creates it.")
          .define(
              SCHEMA_REGISTRY_URL,
              Type.STRING,
              "mock://precursor",
              Importance.HIGH,
              "Schema Registry base URL (Confluent REST API). `mock://<scope>` is an in-memory"
                  + " registry shared within one JVM, for tests and the embedded demo.")
          .define(
              SCHEMA_REGISTRY_AUTO_REGISTER,
              Type.BOOLEAN,
              true,
              Importance.LOW,
              "Register a value schema on first use. Turn off where schemas are registered by"
                  + " a deployment pipeline.")
          .define(
              SCHEMA_REGISTRY_BASIC_AUTH,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "user:password for the Schema Registry's HTTP basic authentication (a secret: never"
                  + " logged). Use an https:// registry URL with it.");

  public TopicsConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
  }

  public String prefix() {
    return getString(TOPIC_PREFIX);
  }

  public int partitions() {
    return getInt(PARTITIONS);
  }

  public short replicationFactor() {
    return getShort(REPLICATION_FACTOR);
  }

  public String schemaRegistryUrl() {
    return getString(SCHEMA_REGISTRY_URL);
  }

  /** user:password for the registry's basic authentication, if set. */
  public java.util.Optional<String> schemaRegistryBasicAuth() {
    return java.util.Optional.ofNullable(getPassword(SCHEMA_REGISTRY_BASIC_AUTH))
        .map(org.apache.kafka.common.config.types.Password::value);
  }

  public boolean autoRegister() {
    return getBoolean(SCHEMA_REGISTRY_AUTO_REGISTER);
  }
}
