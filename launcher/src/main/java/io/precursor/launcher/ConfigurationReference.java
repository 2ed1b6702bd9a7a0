package io.precursor.launcher;

import io.precursor.alerting.AlertingConfig;
import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.events.EventPollerConfig;
import io.precursor.ingest.kinesis.KinesisIngestConfig;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.MetricPollerConfig;
import io.precursor.observability.ObservabilityConfig;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.topics.KafkaSecurityConfig;
import io.precursor.topics.TopicsConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * The configuration reference, docs/configuration.md, rendered from the stages' {@link ConfigDef}s
 * so it cannot drift from the code: one table per stage.
 */
final class ConfigurationReference {

  /** A section of the reference: a stage, or what every stage shares, and its definitions. */
  record Section(String title, String intro, List<ConfigDef> definitions) {}

  static final List<Section> SECTIONS =
      List.of(
          new Section(
              "Every stage",
              "Topics, the Schema Registry, Kafka security and the metrics/health endpoint.",
              List.of(
                  TopicsConfig.DEFINITION,
                  KafkaSecurityConfig.DEFINITION,
                  ObservabilityConfig.DEFINITION)),
          new Section(
              "ingest",
              "`precursor ingest`: the Kinesis (KCL) subscription reader, the CloudWatch metric"
                  + " poll and the RDS event poll.",
              List.of(
                  IngestConfig.DEFINITION,
                  KinesisIngestConfig.DEFINITION,
                  AwsPollConfig.DEFINITION,
                  MetricPollerConfig.DEFINITION,
                  EventPollerConfig.DEFINITION)),
          new Section(
              "streams",
              "`precursor streams`: the detection topology.",
              List.of(StreamsStageConfig.DEFINITION)),
          new Section(
              "alerting",
              "`precursor alerting`: Slack delivery.",
              List.of(AlertingConfig.DEFINITION)));

  private ConfigurationReference() {}

  /** The whole reference, as Markdown. */
  static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Configuration reference\n\n")
        .append(
            "<!-- Generated from the stages' ConfigDefs by ConfigurationReference; do not edit.")
        .append(" Refresh: see ConfigurationReferenceTest. -->\n\n")
        .append("Settings come from, in increasing precedence: these defaults, `--config FILE`")
        .append(" (properties), environment variables (`PRECURSOR_` + the key upper-cased with")
        .append(" every other character as `_`, e.g. `PRECURSOR_TOPICS_PREFIX`), and")
        .append(" `--set key=value`. Besides the keys below, any `ssl.*` or `sasl.*` Kafka client")
        .append(" setting is passed to every Kafka client (file or `--set`). Secrets (type")
        .append(" password) are never printed.\n");
    for (Section section : SECTIONS) {
      out.append("\n## ").append(section.title()).append("\n\n");
      out.append(section.intro()).append("\n\n");
      out.append("| key | type | default | valid values | description |\n");
      out.append("|---|---|---|---|---|\n");
      Map<String, ConfigKey> keys = new LinkedHashMap<>();
      for (ConfigDef definition : section.definitions()) {
        definition.configKeys().forEach(keys::putIfAbsent);
      }
      for (ConfigKey key : keys.values()) {
        out.append("| `")
            .append(key.name)
            .append("` | ")
            .append(key.type.name().toLowerCase(java.util.Locale.ROOT))
            .append(" | ")
            .append(defaultOf(key))
            .append(" | ")
            .append(validValues(key))
            .append(" | ")
            .append(cell(key.documentation))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  // A validator without a description of its own (a lambda) would print its identity hash.
  private static String validValues(ConfigKey key) {
    if (key.validator == null) {
      return "";
    }
    String text = key.validator.toString();
    return text.matches("(?s).*@[0-9a-f]+$") ? "" : cell(text);
  }

  private static String defaultOf(ConfigKey key) {
    if (!key.hasDefault()) {
      return "*required*";
    }
    Object value = key.defaultValue;
    if (value == null) {
      return "";
    }
    if (value instanceof Password) {
      return "*(secret)*";
    }
    String text =
        value instanceof List<?> list
            ? String.join(",", list.stream().map(String::valueOf).toList())
            : String.valueOf(value);
    // Machine-dependent defaults are shown by what they derive from.
    String tmp = System.getProperty("java.io.tmpdir");
    if (tmp != null && !tmp.isEmpty() && text.startsWith(tmp)) {
      text = "${java.io.tmpdir}" + text.substring(tmp.length());
    }
    return text.isEmpty() ? "\"\"" : "`" + cell(text) + "`";
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
