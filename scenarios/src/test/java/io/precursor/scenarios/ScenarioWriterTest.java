package io.precursor.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioWriterTest {

  @TempDir Path temp;

  @Test
  void shouldWriteTheSameBytesForTheSameSeedAndOtherBytesForAnother() throws IOException {
    Scenario small =
        SteadyFleet.builder().instances(3).duration(Duration.ofMinutes(10)).seed(5).build();

    ScenarioWriter.write(small, temp.resolve("a"));
    ScenarioWriter.write(small, temp.resolve("b"));
    ScenarioWriter.write(
        SteadyFleet.builder().instances(3).duration(Duration.ofMinutes(10)).seed(6).build(),
        temp.resolve("c"));

    for (String file :
        new String[] {
          "kinesis/precursor-logs.json", "metrics/get-metric-data.json", "scenario.json"
        }) {
      assertThat(temp.resolve("a").resolve(file))
          .hasSameBinaryContentAs(temp.resolve("b").resolve(file));
    }
    assertThat(Files.readAllBytes(temp.resolve("a/kinesis/precursor-logs.json")))
        .isNotEqualTo(Files.readAllBytes(temp.resolve("c/kinesis/precursor-logs.json")));
  }

  @Test
  void shouldReadBackTheManifestItWrote() throws IOException {
    ScenarioManifest written =
        ScenarioWriter.write(SteadyFleet.builder().instances(2).build(), temp.resolve("fleet"));

    ScenarioManifest read = ScenarioManifest.read(temp.resolve("fleet"));

    assertThat(read).isEqualTo(written);
    assertThat(read.files(ScenarioFile.GET_METRIC_DATA).get(0).details())
        .containsEntry("queries", "metrics/queries.json");
  }

  @Test
  void shouldRefuseToWriteIntoADirectoryThatHoldsFiles() throws IOException {
    Path used = Files.createDirectories(temp.resolve("used"));
    Files.writeString(used.resolve("notes.txt"), "keep me");

    assertThatThrownBy(() -> ScenarioWriter.write(SteadyFleet.builder().build(), used))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not empty");
    assertThat(used.resolve("notes.txt")).hasContent("keep me");
  }
}
