package io.precursor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledScenariosTest {

  @TempDir Path temp;

  @Test
  void shouldListSeed000AsBundled() {
    assertThat(BundledScenarios.names()).containsExactly("seed-000");
  }

  @Test
  void shouldExtractEveryFileTheManifestLists() throws IOException {
    ScenarioManifest manifest = BundledScenarios.extract("seed-000", temp.resolve("demo"));

    assertThat(temp.resolve("demo/scenario.json")).isRegularFile();
    assertThat(manifest.files()).isNotEmpty();
    for (ScenarioFile file : manifest.files()) {
      assertThat(temp.resolve("demo").resolve(file.path())).isRegularFile();
    }
    assertThat(manifest.instantFact("failoverStartedAt"))
        .isEqualTo(MonthlyRebuildFailover.FAILOVER_STARTED);
  }

  @Test
  void shouldNameTheBundledScenariosWhenAskedForAnUnknownOne() {
    assertThatThrownBy(() -> BundledScenarios.extract("seed-999", temp.resolve("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seed-000");
    assertThat(Files.exists(temp.resolve("x"))).isFalse();
  }

  @Test
  void shouldRefuseToWriteAnUnknownScenarioName() {
    assertThatThrownBy(() -> Scenarios.named("seed-999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("steady-fleet");
  }
}
