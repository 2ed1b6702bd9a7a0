package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.precursor.alerting.AlertingConfig;
import io.precursor.ingest.IngestConfig;
import io.precursor.ingest.events.EventPollerConfig;
import io.precursor.ingest.kinesis.KinesisIngestConfig;
import io.precursor.ingest.metrics.AwsPollConfig;
import io.precursor.ingest.metrics.MetricPollerConfig;
import io.precursor.streams.StreamsStageConfig;
import io.precursor.topics.TopicsConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * The compose file cannot be started here (no Docker engine); what can be checked is that it is
 * well-formed and agrees with the code: commands the CLI has, settings the stages declare.
 */
class DockerComposeFileTest {

  private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
  private static final Set<String> STAGES =
      Set.of("simulate", "ingest", "ingest-files", "streams", "alerting");

  @Test
  void shouldRunOnlyCommandsTheLauncherHas() throws Exception {
    JsonNode services = services();
    Set<String> cli = Precursor.commandLine().getSubcommands().keySet();

    for (String stage : STAGES) {
      JsonNode command = services.path(stage).path("command");
      assertThat(command.isArray()).as("%s has a command", stage).isTrue();
      assertThat(cli).as("command of %s", stage).contains(command.get(0).asText());
    }
  }

  @Test
  void shouldSetOnlySettingsTheStagesDeclare() throws Exception {
    Set<String> declared = new HashSet<>();
    for (ConfigDef definition :
        new ConfigDef[] {
          TopicsConfig.DEFINITION,
          IngestConfig.DEFINITION,
          AwsPollConfig.DEFINITION,
          MetricPollerConfig.DEFINITION,
          EventPollerConfig.DEFINITION,
          KinesisIngestConfig.DEFINITION,
          StreamsStageConfig.DEFINITION,
          AlertingConfig.DEFINITION,
          io.precursor.observability.ObservabilityConfig.DEFINITION,
          io.precursor.topics.KafkaSecurityConfig.DEFINITION
        }) {
      definition.names().stream().map(Settings::envName).forEach(declared::add);
    }
    JsonNode services = services();
    Set<String> used = new HashSet<>();
    for (String stage : STAGES) {
      collectKeys(services.path(stage).path("environment"), used);
    }
    used.removeIf(key -> !key.startsWith("PRECURSOR_")); // AWS_* keys are for the SDK

    assertThat(used).isNotEmpty().allMatch(declared::contains, "a declared PRECURSOR_ setting");
  }

  @Test
  void shouldDependOnlyOnServicesItDefines() throws Exception {
    JsonNode services = services();
    Set<String> names = new HashSet<>();
    services.fieldNames().forEachRemaining(names::add);

    assertThat(names)
        .contains(
            "kafka",
            "schema-registry",
            "localstack",
            "ingest",
            "send-scenario",
            "streams",
            "alerting");
    services.forEach(
        service ->
            service
                .path("depends_on")
                .fieldNames()
                .forEachRemaining(dependency -> assertThat(names).contains(dependency)));
  }

  @Test
  void shouldSendTheScenarioIntoTheStreamTheLocalStackInitCreatesAndLiveIngestReads()
      throws Exception {
    JsonNode services = services();
    String init = Files.readString(Path.of("..", "deploy", "localstack", "init-aws.sh"));
    String stream =
        services
            .path("ingest")
            .path("environment")
            .path("PRECURSOR_INGEST_KINESIS_STREAM")
            .asText();

    assertThat(stream).isNotEmpty();
    assertThat(init).contains("--stream-name " + stream, "logs create-log-group");
    assertThat(services.path("send-scenario").path("entrypoint").toString()).contains(stream);
    assertThat(Path.of("..", "deploy", "localstack", "send-scenario.py")).exists();
    for (String stage : Set.of("ingest", "streams", "alerting")) {
      assertThat(services.path(stage).path("ports").toString())
          .as("%s publishes its metrics on the host's loopback", stage)
          .contains("127.0.0.1:");
    }
  }

  @Test
  void shouldPassDockerComposeValidationWhereItIsInstalled() throws Exception {
    // .ci/run installs Debian's docker-compose; where it is on PATH, its own validation must pass.
    var binary =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(dir -> Path.of(dir, "docker-compose"))
            .filter(Files::isExecutable)
            .findFirst();
    assertThat(COMPOSE).exists();
    if (binary.isPresent()) {
      Process process =
          new ProcessBuilder(binary.get().toString(), "-f", COMPOSE.toString(), "config", "-q")
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes());
      assertThat(process.waitFor()).as(output).isZero();
    }
  }

  /** Keys of a YAML map, following {@code <<} merge keys (Jackson leaves them unresolved). */
  private static void collectKeys(JsonNode map, Set<String> out) {
    Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
    fields.forEachRemaining(
        e -> {
          if (e.getKey().equals("<<")) {
            collectKeys(e.getValue(), out);
          } else {
            out.add(e.getKey());
          }
        });
  }

  private static JsonNode services() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).path("services");
  }
}
