package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from the ConfigDefs and must match them. To refresh it:
 * {@value #REFRESH}
 */
class ConfigurationReferenceTest {

  static final String REFRESH =
      "./mvnw -B -q -pl launcher -am test -Dtest=ConfigurationReferenceTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dprecursor.docs.refresh=true";

  private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

  @Test
  void shouldMatchTheCommittedConfigurationReference() throws Exception {
    String generated = ConfigurationReference.markdown();
    if (Boolean.getBoolean("precursor.docs.refresh")) {
      Files.createDirectories(REFERENCE.getParent());
      Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
    }

    assertThat(REFERENCE).as("docs/configuration.md exists; create it with: " + REFRESH).exists();
    assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
        .as("docs/configuration.md is out of date with the ConfigDefs; refresh it with: " + REFRESH)
        .isEqualTo(generated);
  }

  @Test
  void shouldListEveryDeclaredKeyOfEveryStage() {
    String generated = ConfigurationReference.markdown();

    for (ConfigurationReference.Section section : ConfigurationReference.SECTIONS) {
      for (ConfigDef definition : section.definitions()) {
        for (String key : definition.names()) {
          assertThat(generated).contains("| `" + key + "` |");
        }
      }
    }
    assertThat(generated)
        .contains("## ingest", "## streams", "## alerting", "## Every stage")
        .contains("`observability.http.host` | string | `127.0.0.1`")
        .doesNotContain(System.getProperty("java.io.tmpdir") + "/precursor-streams");
  }
}
