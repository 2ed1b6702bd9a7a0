package io.precursor.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stage's meters and health checks, and the HTTP server that shows them: every meter carries a
 * {@code stage} tag, JVM meters included. Binders that hold resources (Kafka client metrics) are
 * closed with it.
 */
public final class StageTelemetry implements AutoCloseable {

  private final String stage;
  private final PrometheusMeterRegistry registry;
  private final HealthChecks liveness = new HealthChecks();
  private final HealthChecks readiness = new HealthChecks();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private ObservabilityServer server;

  private StageTelemetry(String stage) {
    this.stage = stage;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("stage", stage);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /**
   * Telemetry of {@code stage} ("ingest", "streams", "alerting"), served over HTTP as {@code
   * settings} say ({@link ObservabilityConfig}).
   */
  public static StageTelemetry start(String stage, Map<?, ?> settings) {
    StageTelemetry telemetry = new StageTelemetry(stage);
    ObservabilityConfig config = new ObservabilityConfig(settings);
    if (config.enabled()) {
      telemetry.server =
          ObservabilityServer.start(
              config.host(),
              config.port(),
              telemetry.registry,
              telemetry.liveness,
              telemetry.readiness);
    }
    return telemetry;
  }

  public String stage() {
    return stage;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Checks that fail when the stage should be restarted. */
  public HealthChecks liveness() {
    return liveness;
  }

  /** Checks that fail until the stage does its work (and while it cannot). */
  public HealthChecks readiness() {
    return readiness;
  }

  /** Binds {@code binder}, and closes it with this telemetry when it holds resources. */
  public StageTelemetry bind(MeterBinder binder) {
    binder.bindTo(registry);
    if (binder instanceof AutoCloseable closeable) {
      closeables.add(closeable);
    }
    return this;
  }

  /** The server's base URL, when serving. */
  public Optional<URI> url() {
    return Optional.ofNullable(server).map(ObservabilityServer::url);
  }

  /** The metrics in Prometheus text format, as {@code /metrics} serves them. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    for (AutoCloseable closeable : closeables) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing a binder only stops its refresh; nothing to recover.
      }
    }
    gc.close();
    registry.close();
  }
}
