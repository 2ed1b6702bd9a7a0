package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The least-privilege IAM policies in deploy/iam are valid policy documents, and least. */
class IamPolicyDocumentsTest {

  private static final Path IAM = Path.of("..", "deploy", "iam");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"ingest.json", "alerting.json", "replay.json"})
  void shouldBeAPolicyDocumentAllowingNamedActionsOnly(String file) throws Exception {
    JsonNode policy = JSON.readTree(IAM.resolve(file).toFile());

    assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
    assertThat(policy.path("Statement").isArray()).isTrue();
    assertThat(policy.path("Statement")).isNotEmpty();
    for (JsonNode statement : policy.path("Statement")) {
      assertThat(statement.path("Sid").asText()).matches("[A-Za-z0-9]+");
      assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
      assertThat(values(statement.path("Action")))
          .isNotEmpty()
          .allMatch(action -> action.matches("[a-z0-9]+:[A-Za-z]+"), "service:Action, no wildcard");
      assertThat(values(statement.path("Resource"))).isNotEmpty();
    }
  }

  @Test
  void shouldLetAlertingCreateSnapshotsOnlyWithPrecursorNamesOfTaggedSources() throws Exception {
    JsonNode policy = JSON.readTree(IAM.resolve("alerting.json").toFile());

    for (JsonNode statement : policy.path("Statement")) {
      List<String> actions = values(statement.path("Action"));
      List<String> resources = values(statement.path("Resource"));
      if (actions.stream().anyMatch(a -> a.startsWith("rds:Create") || a.contains("AddTags"))) {
        assertThat(resources).doesNotContain("*");
        boolean onSnapshots = resources.stream().allMatch(r -> r.contains("snapshot:precursor-"));
        boolean onTaggedSources = statement.path("Condition").toString().contains("ResourceTag");
        assertThat(onSnapshots || onTaggedSources).as(statement.toString()).isTrue();
      }
    }
  }

  @Test
  void shouldBeReferencedFromTheReadme() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(readme)
        .contains("deploy/iam/ingest.json", "deploy/iam/alerting.json", "deploy/iam/replay.json");
  }

  private static List<String> values(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.asText());
    }
    node.forEach(value -> values.add(value.asText()));
    return values;
  }
}
