package io.precursor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.precursor.scenarios.Scenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay of simulated exports through the live topology, on its own topics. */
class ReplayIT {

  @Test
  void shouldFindTheSeed000PrecursorAndItsLeadTimeFromExportedFiles(@TempDir Path dir)
      throws Exception {
    Scenarios.write("seed-000", dir.resolve("seed-000"));

    CommandRun run =
        CommandRun.of(
            "replay",
            "--dir",
            dir.resolve("seed-000").toString(),
            "--from",
            "2026-11-17T08:30:00Z",
            "--to",
            "2026-11-17T10:30:00Z",
            "--cluster",
            "ads-prod",
            "--timeout",
            "PT3M");
    String out = run.output();

    assertThat(run.exitCode()).isZero();
    assertThat(out)
        .containsPattern("ads-prod-1 +BULK_DML_MEMORY_PRESSURE +CRITICAL +2026-11-17T09:29:00Z")
        .contains("BULK_DML_MEMORY_PRESSURE on ads-prod-1 (18 min 31 s)")
        .contains(
            "1 precursor episode(s), 1 incident(s), 0 precursor(s) that no failover followed");
  }
}
