package io.precursor.launcher;

import static io.precursor.launcher.FingerprintCommandTest.resource;
import static io.precursor.launcher.FingerprintCommandTest.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precursor.launcher.FingerprintCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DigestCommandTest {

  @Test
  void shouldPrintATextReportRankedByTotalQueryTime(@TempDir Path dir) throws IOException {
    Path log = copy(dir, "digest/three-entries.log");

    Run run = run("", "digest", log.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .startsWith("# precursor digest: 3 entries, 3 query classes, 0 unreadable\n")
        .contains("# File: " + log + " (slow query log)")
        .contains("#    1 0xD89E729CDB03302C8B69F01D7112CF0F     8.0000 87.0%")
        .contains("# Query 1: 0xD89E729CDB03302C8B69F01D7112CF0F")
        .contains("# Slowest statement (8.00s)");
  }

  @Test
  void shouldWriteJsonForToolsWithTheTopClassesOnly(@TempDir Path dir) throws IOException {
    Path log = copy(dir, "digest/three-entries.log");
    Path export = copy(dir, "digest/cloudwatch-export.json");

    Run run =
        run(
            "",
            "digest",
            "--json",
            "--top",
            "2",
            "--no-examples",
            log.toString(),
            export.toString());

    assertThat(run.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("entries").asLong()).isEqualTo(7);
    assertThat(json.get("unreadable").asLong()).isEqualTo(1);
    assertThat(json.get("files").get(1).get("format").asText()).isEqualTo("cloudwatch_export");
    // The INSERT into invoice_line is in both files: one class.
    assertThat(json.get("classes").asLong()).isEqualTo(5);
    assertThat(json.get("queries")).hasSize(2);
    assertThat(json.get("queries").get(0).get("fingerprint").asText())
        .isEqualTo("delete from invoice_line where period = ?");
    assertThat(json.get("queries").get(0).has("slowest")).isFalse();
  }

  @Test
  void shouldReadStandardInputForADash() {
    Run run =
        run(new String(resource("digest/three-entries.log"), UTF_8), "digest", "--top", "1", "-");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("3 entries").contains("# File: - (slow query log)");
  }

  @Test
  void shouldGiveTheSameReportWithOneThreadAsWithSeveral(@TempDir Path dir) throws IOException {
    Path log = copy(dir, "digest/three-entries.log");

    Run one = run("", "digest", "--threads", "1", log.toString());
    Run four = run("", "digest", "--threads", "4", log.toString());

    assertThat(four.out()).isEqualTo(one.out());
  }

  @Test
  void shouldSayWhichFileItCannotRead(@TempDir Path dir) {
    Run run = run("", "digest", dir.resolve("missing.log").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("cannot read").contains("missing.log").contains("no such file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldRefuseANegativeTopAsAUsageError(@TempDir Path dir) throws IOException {
    Run run = run("", "digest", "--top", "-1", copy(dir, "digest/three-entries.log").toString());

    assertThat(run.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(run.err()).contains("--top must be 0 (all) or more");
  }

  @Test
  void shouldExplainItselfWithHelp() {
    Run run = run("", "digest", "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Usage: precursor digest", "--json", "--top", "--no-examples");
  }

  private static Path copy(Path dir, String resource) throws IOException {
    Path file = dir.resolve(Path.of(resource).getFileName());
    Files.write(file, resource(resource));
    return file;
  }
}
