package io.precursor.observability;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Where a stage serves its metrics and health checks. */
public final class ObservabilityConfig extends AbstractConfig {

  public static final String HTTP_ENABLED = "observability.http.enabled";
  public static final String HTTP_HOST = "observability.http.host";
  public static final String HTTP_PORT = "observability.http.port";

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              HTTP_ENABLED,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Serve /metrics (Prometheus text), /health/live and /health/ready over HTTP.")
          .define(
              HTTP_HOST,
              Type.STRING,
              "127.0.0.1",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Address the metrics and health server binds to. Loopback by default, so nothing"
                  + " is exposed unless asked: use 0.0.0.0 in a container whose port is"
                  + " published to the scraper only.")
          .define(
              HTTP_PORT,
              Type.INT,
              9400,
              Range.between(0, 65535),
              Importance.MEDIUM,
              "Port of the metrics and health server; 0 picks a free one (the demo does).");

  public ObservabilityConfig(Map<?, ?> originals) {
    super(DEFINITION, originals, false);
  }

  public boolean enabled() {
    return getBoolean(HTTP_ENABLED);
  }

  public String host() {
    return getString(HTTP_HOST);
  }

  public int port() {
    return getInt(HTTP_PORT);
  }
}
