package io.precursor.launcher;

import io.precursor.alerting.AlertingMetrics;
import io.precursor.alerting.AlertingService;
import io.precursor.ingest.IngestMetrics;
import io.precursor.ingest.kinesis.KinesisIngest;
import io.precursor.observability.StageTelemetry;
import io.precursor.streams.StreamsStage;
import io.precursor.streams.telemetry.StreamsMetrics;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/** Each stage's meters and health checks, served as {@code observability.http.*} say. */
final class StageTelemetries {

  private StageTelemetries() {}

  /** Ingest: ready once the KCL worker coordinates leases (at once when there is none). */
  static StageTelemetry ingest(IngestMetrics metrics, KinesisIngest logs, Map<?, ?> settings) {
    StageTelemetry telemetry = StageTelemetry.start("ingest", settings).bind(metrics);
    if (logs != null) {
      telemetry.readiness().add("kcl-worker-coordinating-leases", logs::coordinating);
      telemetry.liveness().add("kcl-worker-not-halted", () -> logs.failure().isEmpty());
    }
    return telemetry;
  }

  /** Streams: ready while Kafka Streams is RUNNING, live until it failed. */
  static StageTelemetry streams(StreamsStage stage, Map<?, ?> settings) {
    StageTelemetry telemetry =
        StageTelemetry.start("streams", settings).bind(new StreamsMetrics(stage));
    telemetry
        .readiness()
        .add("kafka-streams-running", () -> stage.state() == KafkaStreams.State.RUNNING);
    telemetry
        .liveness()
        .add(
            "kafka-streams-not-failed",
            () ->
                stage.state() != KafkaStreams.State.ERROR
                    && stage.state() != KafkaStreams.State.PENDING_ERROR);
    return telemetry;
  }

  /** Alerting: ready once the consumer group assigned this instance. */
  static StageTelemetry alerting(AlertingService service, Map<?, ?> settings) {
    StageTelemetry telemetry =
        StageTelemetry.start("alerting", settings).bind(new AlertingMetrics(service));
    telemetry.readiness().add("consumer-assigned", service::assigned);
    return telemetry;
  }
}
