package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.scenarios.ScenarioManifest;
import io.precursor.scenarios.Scenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue story through {@code precursor replay} on a real broker gives what {@link
 * CatalogueScenariosTest} sees on the TopologyTestDriver: the full-scan storm, which needs the
 * fingerprint's own baseline and overlapping executions, fires with the same lead time.
 */
class CatalogueReplayIT {

  @Test
  void shouldWarnOfTheFullScanStormWithTheSameLeadTimeAsOnTheTestDriver(@TempDir Path dir)
      throws Exception {
    Path exports = dir.resolve("seed-004");
    ScenarioManifest manifest = Scenarios.write("seed-004-full-scan-storm", exports);

    CommandRun run =
        CommandRun.of(
            "replay",
            "--dir",
            exports.toString(),
            "--from",
            manifest.windowStart().toString(),
            "--to",
            manifest.windowEnd().toString(),
            "--cluster",
            "tasks-prod",
            "--timeout",
            "PT3M",
            "--out",
            dir.resolve("out").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.output())
        .containsPattern("tasks-prod-1 +FULL_SCAN_STORM +\\w+ +2026-11-23T08:13:0")
        .contains("FULL_SCAN_STORM on tasks-prod-1 (28 min 17 s)")
        .contains(
            "1 precursor episode(s), 1 incident(s), 0 precursor(s) that no failover followed");
  }
}
