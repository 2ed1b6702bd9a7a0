package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precursor.topics.TopicsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @Test
  void shouldLetEnvironmentOverrideTheFileAndFlagsOverrideBoth(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("precursor.properties");
    Files.writeString(
        file, "topics.prefix=from-file.\ntopics.partitions=4\nschema.registry.url=mock://file\n");

    Settings settings =
        Settings.load(
            List.of(TopicsConfig.DEFINITION),
            file,
            Map.of("PRECURSOR_TOPICS_PREFIX", "from-env.", "PRECURSOR_TOPICS_PARTITIONS", "8"),
            Map.of("topics.partitions", "12"));

    assertThat(settings.asMap())
        .containsEntry("topics.prefix", "from-env.")
        .containsEntry("topics.partitions", "12")
        .containsEntry("schema.registry.url", "mock://file");
  }

  @Test
  void shouldReadOnlyVariablesOfDeclaredKeys() {
    Settings settings =
        Settings.load(
            List.of(TopicsConfig.DEFINITION),
            null,
            Map.of("PRECURSOR_NOT_A_SETTING", "x", "PATH", "/usr/bin"),
            Map.of());

    assertThat(settings.asMap()).isEmpty();
  }

  @Test
  void shouldNameTheVariableOfEachKey() {
    assertThat(Settings.envName("topics.replication.factor"))
        .isEqualTo("PRECURSOR_TOPICS_REPLICATION_FACTOR");
    assertThat(Settings.envName("rule.bulk-dml.min.entries"))
        .isEqualTo("PRECURSOR_RULE_BULK_DML_MIN_ENTRIES");
  }

  @Test
  void shouldSayWhichConfigFileCannotBeRead(@TempDir Path dir) {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> Settings.load(List.of(), missing, Map.of(), Map.of()))
        .hasMessageContaining("cannot read config file " + missing);
  }
}
